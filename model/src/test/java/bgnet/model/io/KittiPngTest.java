package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KittiPngTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsWithinHalfACode() throws IOException {
        Random random = new Random(7);
        float[] d = new float[64 * 32];
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.01f + random.nextFloat() * 250f;
        }
        Path file = dir.resolve("disp.png");

        KittiPng.write(file, new DisparityMap(64, 32, d));
        DisparityMap back = KittiPng.read(file);

        assertEquals(64, back.width());
        assertEquals(32, back.height());
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i], back.values()[i], 1.0 / 512, "pixel " + i);
        }
    }

    @Test
    void storesRoundedTimes256InA16BitGreyPng() throws IOException {
        float[] d = {1.5f, 0.0f, -2f, Float.NaN, Float.POSITIVE_INFINITY, 300f, 0.0019f, 1f / 512};
        Path file = dir.resolve("codes.png");

        KittiPng.write(file, new DisparityMap(8, 1, d));

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, png.getType());
        int[] codes = png.getRaster().getSamples(0, 0, 8, 1, 0, (int[]) null);
        assertEquals(384, codes[0]);
        assertEquals(0, codes[1], "0 = invalid");
        assertEquals(0, codes[2], "negative = invalid");
        assertEquals(0, codes[3], "NaN = invalid");
        assertEquals(0, codes[4], "infinity = invalid");
        assertEquals(65535, codes[5], "clamped");
        assertEquals(0, codes[6], "below 1/512 rounds to 0");
        assertEquals(1, codes[7], "exactly 1/512 rounds half up");
        assertEquals(1.5f, KittiPng.read(file).values()[0]);
    }

    @Test
    void rejectsAnEightBitPng() {
        Path file = TestData.fixture("small_left_src.png");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> KittiPng.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a 16-bit grey PNG"), e.getMessage());
    }
}
