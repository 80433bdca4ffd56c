package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyWriterTest {

    @TempDir
    Path dir;

    // f = 100 px, B = 0.1 m: d = 10 px -> Z = 1 m, d = 0.05 px -> Z = 200 m (beyond 100 m).
    private static final CameraIntrinsics CAMERA = CameraIntrinsics.centred(100, 0.1, 4, 3);

    private static DisparityMap disparity() {
        return new DisparityMap(4, 3, new float[] {
            10f, 20f, 0f, 5f,
            Float.NaN, 10f, -1f, 0.05f,
            40f, 10f, 10f, Float.POSITIVE_INFINITY});
    }

    private static RgbImage colours() {
        int[] rgb = new int[12];
        for (int i = 0; i < 12; i++) {
            rgb[i] = 0x102030 * (i + 1) & 0xFFFFFF;
        }
        return new RgbImage(4, 3, rgb);
    }

    @Test
    void writesValidNearPointsAndReadsThemBack() throws IOException {
        PointCloud cloud = PointCloud.fromDisparity(disparity(), colours(), CAMERA);
        Path file = dir.resolve("cloud.ply");

        int written = PlyWriter.write(file, cloud);
        PointCloud back = PlyReader.read(file);

        // Dropped: 0, NaN, -1, infinity (invalid) and 0.05 (200 m > 100 m).
        assertEquals(7, written);
        assertEquals(7, back.size());
        assertArrayEquals(cloud.xyz(), back.xyz());
        assertArrayEquals(cloud.rgb(), back.rgb());
        // Pixel (0,0), d=10: Z=1, X=(0-1.5)*1/100, Y=(0-1)*1/100.
        assertArrayEquals(new float[] {-0.015f, -0.01f, 1f}, java.util.Arrays.copyOfRange(back.xyz(), 0, 3), 1e-7f);
        assertEquals(0x102030, back.rgb()[0]);
        // Pixel (0,2), d=40: Z=0.25, X=-1.5*0.25/100, Y=1*0.25/100; it is the 5th point kept.
        assertArrayEquals(new float[] {-0.00375f, 0.0025f, 0.25f}, java.util.Arrays.copyOfRange(back.xyz(), 12, 15), 1e-7f);
        assertEquals(0x102030 * 9 & 0xFFFFFF, back.rgb()[4]);
    }

    @Test
    void headerIsStandardBinaryLittleEndianPly() throws IOException {
        Path file = dir.resolve("cloud.ply");
        int n = PlyWriter.write(file, PointCloud.fromDisparity(disparity(), colours(), CAMERA));

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.indexOf("end_header\n") + "end_header\n".length();
        String header = text.substring(0, end);
        assertEquals("ply\nformat binary_little_endian 1.0\n", header.substring(0, 36));
        assertEquals(true, header.contains("\nelement vertex 7\nproperty float x\nproperty float y\nproperty float z\n"
                + "property uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n"), header);
        assertEquals(end + n * 15, bytes.length);
    }

    @Test
    void maxDepthIsAParameter() {
        assertEquals(8, PointCloud.fromDisparity(disparity(), colours(), CAMERA, 1000).size());
        // Only d >= 20 (Z <= 0.5 m) survives a 0.5 m limit.
        assertEquals(2, PointCloud.fromDisparity(disparity(), colours(), CAMERA, 0.5).size());
    }

    @Test
    void largeCloudSpanningSeveralWriteChunksRoundTrips() throws IOException {
        int w = 120;
        int h = 90;
        float[] d = new float[w * h];
        int[] rgb = new int[w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + i % 50;
            rgb[i] = i * 7919 & 0xFFFFFF;
        }
        PointCloud cloud = PointCloud.fromDisparity(new DisparityMap(w, h, d), new RgbImage(w, h, rgb),
                CameraIntrinsics.centred(700, 0.5, w, h), 1000);
        Path file = dir.resolve("big.ply");

        assertEquals(w * h, PlyWriter.write(file, cloud));
        PointCloud back = PlyReader.read(file);
        assertArrayEquals(cloud.xyz(), back.xyz());
        assertArrayEquals(rgb, back.rgb());
    }

    @Test
    void emptyCloudIsAValidFile() throws IOException {
        DisparityMap none = new DisparityMap(2, 1, new float[] {0f, Float.NaN});
        Path file = dir.resolve("empty.ply");
        assertEquals(0, PlyWriter.write(file, PointCloud.fromDisparity(none, new RgbImage(2, 1, new int[2]), CAMERA)));
        assertEquals(0, PlyReader.read(file).size());
    }

    @Test
    void colourImageMustMatchTheDisparity() {
        assertThrows(IllegalArgumentException.class,
                () -> PointCloud.fromDisparity(disparity(), new RgbImage(3, 3, new int[9]), CAMERA));
    }
}
