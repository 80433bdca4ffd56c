package bgnet.model.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A confidence map on disk, by extension: .pfm holds the float32 values, .png a 16-bit grey PNG of
 * {@code round(c * 65535)} (0..1 clamped; a NaN is written as 0).
 */
public final class ConfidenceFiles {
    public static final double PNG_SCALE = 65535.0;

    private ConfidenceFiles() {
    }

    /** Written atomically, like every output: a reader sees the old file or the whole new one. */
    public static void write(Path target, ConfidenceMap map) throws OutputException {
        if (isPng(target)) {
            float[] c = map.values();
            int[] codes = new int[c.length];
            for (int i = 0; i < c.length; i++) {
                codes[i] = encode(c[i]);
            }
            new Gray16Png(map.width(), map.height(), codes).write(target);
        } else {
            PfmFile.write(target, map.width(), map.height(), map.values());
        }
    }

    /** Reads either format back; a PNG gives code / 65535. */
    public static ConfidenceMap read(Path file) throws ImageFormatException {
        if (isPng(file)) {
            Gray16Png png = Gray16Png.read(file);
            float[] c = new float[png.values().length];
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (png.values()[i] / PNG_SCALE);
            }
            return new ConfidenceMap(png.width(), png.height(), c);
        }
        DisparityMap grid = PfmFile.read(file);
        return new ConfidenceMap(grid.width(), grid.height(), grid.values());
    }

    public static int encode(float confidence) {
        return confidence > 0 ? (int) Math.round(Math.min(confidence, 1f) * PNG_SCALE) : 0;
    }

    private static boolean isPng(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }
}
