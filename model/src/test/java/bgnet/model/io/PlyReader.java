package bgnet.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back exactly the PLY layout {@link PlyWriter} writes, checking its header line by line. */
final class PlyReader {
    static final List<String> PROPERTIES = List.of(
            "property float x", "property float y", "property float z",
            "property uchar red", "property uchar green", "property uchar blue");

    private PlyReader() {
    }

    static PointCloud read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>();
        int pos = 0;
        while (lines.isEmpty() || !lines.getLast().equals("end_header")) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end >= bytes.length) {
                throw new IOException(file + ": PLY header has no end_header");
            }
            lines.add(new String(bytes, pos, end - pos, StandardCharsets.US_ASCII));
            pos = end + 1;
        }
        if (!lines.get(0).equals("ply") || !lines.get(1).equals("format binary_little_endian 1.0")) {
            throw new IOException(file + ": not a binary little-endian PLY: " + lines.subList(0, 2));
        }
        List<String> body = lines.stream().filter(l -> !l.startsWith("comment")).toList();
        String element = body.get(2);
        if (!element.startsWith("element vertex ")) {
            throw new IOException(file + ": expected the vertex element, found " + element);
        }
        int n = Integer.parseInt(element.substring("element vertex ".length()));
        if (!body.subList(3, body.size() - 1).equals(PROPERTIES)) {
            throw new IOException(file + ": unexpected properties " + body.subList(3, body.size() - 1));
        }
        if (bytes.length - pos != n * 15L) {
            throw new IOException(file + ": " + (bytes.length - pos) + " data bytes for " + n + " vertices");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, pos, bytes.length - pos).order(ByteOrder.LITTLE_ENDIAN);
        float[] xyz = new float[3 * n];
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = data.getFloat();
            xyz[3 * i + 1] = data.getFloat();
            xyz[3 * i + 2] = data.getFloat();
            rgb[i] = (data.get() & 0xFF) << 16 | (data.get() & 0xFF) << 8 | (data.get() & 0xFF);
        }
        return new PointCloud(xyz, rgb);
    }
}
