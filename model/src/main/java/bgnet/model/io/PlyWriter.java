package bgnet.model.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A point cloud as binary little-endian PLY with the standard vertex properties
 * (float x y z, uchar red green blue), which MeshLab, Open3D and CloudCompare read.
 */
public final class PlyWriter {
    private static final int VERTEX_BYTES = 3 * Float.BYTES + 3;
    private static final int VERTICES_PER_CHUNK = 4096;

    private PlyWriter() {
    }

    /** Writes the cloud and returns its vertex count. */
    public static int write(Path target, PointCloud cloud) throws OutputException {
        int n = cloud.size();
        String header = "ply\n"
                + "format binary_little_endian 1.0\n"
                + "comment bgnet point cloud, metres, camera frame (X right, Y down, Z forward)\n"
                + "element vertex " + n + "\n"
                + "property float x\n"
                + "property float y\n"
                + "property float z\n"
                + "property uchar red\n"
                + "property uchar green\n"
                + "property uchar blue\n"
                + "end_header\n";
        float[] xyz = cloud.xyz();
        int[] rgb = cloud.rgb();
        AtomicFile.write(target, out -> {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer chunk = ByteBuffer.allocate(VERTICES_PER_CHUNK * VERTEX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                chunk.putFloat(xyz[3 * i]).putFloat(xyz[3 * i + 1]).putFloat(xyz[3 * i + 2]);
                chunk.put((byte) (rgb[i] >> 16)).put((byte) (rgb[i] >> 8)).put((byte) rgb[i]);
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        });
        return n;
    }
}
