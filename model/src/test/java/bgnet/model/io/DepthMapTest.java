package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepthMapTest {

    @TempDir
    Path dir;

    @Test
    void depthIsFocalTimesBaselineOverDisparity() {
        float[] d = {35f, 70f, 0f, -3f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE};
        DepthMap depth = DepthMap.fromDisparity(new DisparityMap(7, 1, d), 700.0, 0.5);

        assertEquals(10f, depth.at(0, 0));
        assertEquals(5f, depth.at(1, 0));
        for (int x = 2; x < 7; x++) {
            assertEquals(0f, depth.at(x, 0), "invalid at " + x);
        }
    }

    @Test
    void rejectsNonPositiveCameraParameters() {
        DisparityMap d = new DisparityMap(1, 1, new float[] {1});
        assertThrows(IllegalArgumentException.class, () -> DepthMap.fromDisparity(d, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DepthMap.fromDisparity(d, 700, -0.5));
        assertThrows(IllegalArgumentException.class, () -> DepthMap.fromDisparity(d, Double.NaN, 0.5));
    }

    @Test
    void pfmRoundTripIsExact() throws IOException {
        DepthMap depth = randomDepth();
        Path file = dir.resolve("depth.pfm");

        depth.writePfm(file);
        DepthMap back = DepthMap.readPfm(file);

        assertEquals(depth.width(), back.width());
        assertEquals(depth.height(), back.height());
        assertArrayEquals(depth.metres(), back.metres());
    }

    @Test
    void millimetrePngRoundTripIsWithinOneMillimetre() throws IOException {
        DepthMap depth = randomDepth();
        Path file = dir.resolve("depth.png");

        depth.writePngMillimetres(file);
        DepthMap back = DepthMap.readPngMillimetres(file);

        assertEquals(BufferedImage.TYPE_USHORT_GRAY, ImageIO.read(file.toFile()).getType());
        for (int i = 0; i < depth.metres().length; i++) {
            assertEquals(depth.metres()[i], back.metres()[i], 0.001, "pixel " + i);
        }
    }

    @Test
    void millimetrePngClampsFarAndKeepsInvalidAtZero() throws IOException {
        DepthMap depth = new DepthMap(3, 1, new float[] {80f, 0f, 1.2344f});
        Path file = dir.resolve("far.png");

        depth.writePngMillimetres(file);

        int[] mm = ImageIO.read(file.toFile()).getRaster().getSamples(0, 0, 3, 1, 0, (int[]) null);
        assertArrayEquals(new int[] {65535, 0, 1234}, mm);
    }

    private static DepthMap randomDepth() {
        Random random = new Random(3);
        float[] z = new float[40 * 30];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 7 == 0 ? 0f : 0.5f + random.nextFloat() * 60f;
        }
        return new DepthMap(40, 30, z);
    }
}
