package bgnet.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Portable float map, the Middlebury / SceneFlow disparity format. Written as single-channel
 * {@code Pf}, little-endian (scale -1.0), rows bottom-to-top. Read: {@code Pf} or {@code PF} (only the
 * first of the three channels is kept), either byte order (the sign of the scale decides).
 */
public final class PfmFile {
    private PfmFile() {
    }

    public static void write(Path target, DisparityMap map) throws OutputException {
        write(target, map.width(), map.height(), map.values());
    }

    /** Any row-major float grid, e.g. depth in metres. */
    public static void write(Path target, int width, int height, float[] values) throws OutputException {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " with " + values.length + " values");
        }
        byte[] header = ("Pf\n" + width + " " + height + "\n-1.0\n").getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(target, out -> {
            out.write(header);
            ByteBuffer row = ByteBuffer.allocate(width * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = height - 1; y >= 0; y--) {
                row.clear();
                row.asFloatBuffer().put(values, y * width, width);
                out.write(row.array());
            }
        });
    }

    public static DisparityMap read(Path file) throws ImageFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageFormatException(file + ": cannot read (" + IoMessages.reason(e) + ")", e);
        }
        Header header = Header.parse(file, bytes);
        long needed = (long) header.width * header.height * header.channels * Float.BYTES;
        if (bytes.length - header.dataOffset < needed) {
            throw new ImageFormatException(file + ": truncated PFM (" + needed + " bytes of pixels expected, "
                    + (bytes.length - header.dataOffset) + " found)");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, header.dataOffset, (int) needed)
                .order(header.littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int w = header.width;
        float[] values = new float[w * header.height];
        for (int y = header.height - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = data.getFloat();
                for (int c = 1; c < header.channels; c++) {
                    data.getFloat();
                }
            }
        }
        return new DisparityMap(w, header.height, values);
    }

    private record Header(int channels, int width, int height, boolean littleEndian, int dataOffset) {

        /** Four whitespace-separated tokens; exactly one whitespace byte ends the last one (as in PPM). */
        static Header parse(Path file, byte[] bytes) throws ImageFormatException {
            String[] tokens = new String[4];
            int pos = 0;
            for (int t = 0; t < tokens.length; t++) {
                while (pos < bytes.length && isSpace(bytes[pos])) {
                    pos++;
                }
                int start = pos;
                while (pos < bytes.length && !isSpace(bytes[pos]) && pos - start < 32) {
                    pos++;
                }
                if (pos == start || pos >= bytes.length) {
                    throw new ImageFormatException(file + ": not a PFM file (incomplete header)");
                }
                tokens[t] = new String(bytes, start, pos - start, StandardCharsets.US_ASCII);
            }
            // A Windows writer may end the header with \r\n.
            pos += bytes[pos] == '\r' && pos + 1 < bytes.length && bytes[pos + 1] == '\n' ? 2 : 1;
            int channels = switch (tokens[0]) {
                case "Pf" -> 1;
                case "PF" -> 3;
                default -> throw new ImageFormatException(file + ": not a PFM file (starts with \""
                        + tokens[0].replaceAll("[^\\x20-\\x7e]", "?") + "\")");
            };
            int width = positive(file, tokens[1], "width");
            int height = positive(file, tokens[2], "height");
            if ((long) width * height > Integer.MAX_VALUE / 4) {
                throw new ImageFormatException(file + ": PFM size " + width + "x" + height + " too large");
            }
            double scale;
            try {
                scale = Double.parseDouble(tokens[3]);
            } catch (NumberFormatException e) {
                scale = Double.NaN;
            }
            if (!Double.isFinite(scale) || scale == 0) {
                throw new ImageFormatException(file + ": bad PFM scale \"" + tokens[3] + "\"");
            }
            return new Header(channels, width, height, scale < 0, pos);
        }

        private static int positive(Path file, String token, String what) throws ImageFormatException {
            try {
                int v = Integer.parseInt(token);
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ImageFormatException(file + ": bad PFM " + what + " \"" + token + "\"");
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\n' || b == '\r' || b == '\t';
        }
    }
}
