package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorMapTest {

    @TempDir
    Path dir;

    private static int r(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int g(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    private static int b(int rgb) {
        return rgb & 0xFF;
    }

    @ParameterizedTest
    @EnumSource(ColorMapKind.class)
    void writesAnRgbPngOfTheRightSizeWhoseColoursFollowTheDisparity(ColorMapKind kind) throws IOException {
        float[] d = new float[100 * 20];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + i % 100;
        }
        DisparityMap map = new DisparityMap(100, 20, d);
        Path file = dir.resolve(kind.cliName() + ".png");

        new ColorMap(kind, 0f, 100f).writePng(file, map);

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(100, png.getWidth());
        assertEquals(20, png.getHeight());
        assertEquals(3, png.getRaster().getNumBands());
        assertEquals(8, png.getColorModel().getComponentSize(0));
        assertEquals(ColorSpace.TYPE_RGB, png.getColorModel().getColorSpace().getType());
        int[] pixels = png.getRGB(0, 0, 100, 20, null, 0, 100);
        long distinct = Arrays.stream(pixels).map(p -> p & 0xFFFFFF).distinct().count();
        assertTrue(distinct > 50, kind + ": " + distinct + " distinct colours");
        assertNotEquals(pixels[0] & 0xFFFFFF, pixels[99] & 0xFFFFFF);
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(new ColorMap(kind, 0f, 100f).rgb(d[i]), pixels[i] & 0xFFFFFF, "pixel " + i);
        }
    }

    @Test
    void turboRunsFromBlueThroughGreenToRed() {
        int low = ColorMapKind.TURBO.rgb(0.15);
        int mid = ColorMapKind.TURBO.rgb(0.5);
        int high = ColorMapKind.TURBO.rgb(0.9);
        assertTrue(b(low) > r(low) && b(low) > g(low), Integer.toHexString(low));
        assertTrue(g(mid) > r(mid) && g(mid) > b(mid), Integer.toHexString(mid));
        assertTrue(r(high) > g(high) && r(high) > b(high), Integer.toHexString(high));
        // Smooth: no channel jumps between neighbouring 8-bit steps (blue rises fastest, ~13 per step, at the start).
        for (int i = 1; i < 256; i++) {
            int a = ColorMapKind.TURBO.rgb((i - 1) / 255.0);
            int c = ColorMapKind.TURBO.rgb(i / 255.0);
            assertTrue(Math.abs(r(a) - r(c)) <= 16 && Math.abs(g(a) - g(c)) <= 16 && Math.abs(b(a) - b(c)) <= 16,
                    "step " + i + ": " + Integer.toHexString(a) + " -> " + Integer.toHexString(c));
        }
    }

    @Test
    void grayAndViridisEndpoints() {
        assertEquals(0x000000, ColorMapKind.GRAY.rgb(0));
        assertEquals(0x808080, ColorMapKind.GRAY.rgb(0.5));
        assertEquals(0xFFFFFF, ColorMapKind.GRAY.rgb(1));
        assertEquals(0xFFFFFF, ColorMapKind.GRAY.rgb(7), "clamped");
        assertEquals(0x440154, ColorMapKind.VIRIDIS.rgb(0));
        assertEquals(0x21918C, ColorMapKind.VIRIDIS.rgb(0.5));
        assertEquals(0xFDE725, ColorMapKind.VIRIDIS.rgb(1));
    }

    @Test
    void invalidDisparitiesAreBlackAndOutOfRangeIsClamped() {
        ColorMap map = new ColorMap(ColorMapKind.GRAY, 10f, 20f);
        assertEquals(ColorMap.INVALID_RGB, map.rgb(Float.NaN));
        assertEquals(ColorMap.INVALID_RGB, map.rgb(-1f));
        assertEquals(ColorMap.INVALID_RGB, map.rgb(0f));
        assertEquals(ColorMap.INVALID_RGB, map.rgb(Float.POSITIVE_INFINITY));
        assertEquals(0x000000, map.rgb(5f));
        assertEquals(0x808080, map.rgb(15f));
        assertEquals(0xFFFFFF, map.rgb(25f));
    }

    @Test
    void autoRangeRunsFromZeroToThe99thPercentileOfValidPixels() {
        float[] d = new float[1000 + 3];
        for (int i = 0; i < 1000; i++) {
            d[i] = 1000 - i; // 1000 .. 1, unsorted on purpose
        }
        d[1000] = Float.NaN;
        d[1001] = -5f;
        d[1002] = 0f;
        ColorMap map = ColorMap.autoRange(ColorMapKind.TURBO, new DisparityMap(1003, 1, d));

        assertEquals(0f, map.min());
        assertEquals(990f, map.max());
        assertEquals(ColorMapKind.TURBO, map.kind());
    }

    @Test
    void autoRangeOfAnAllInvalidMapIsUsable() {
        DisparityMap empty = new DisparityMap(2, 1, new float[] {0f, Float.NaN});
        ColorMap map = ColorMap.autoRange(ColorMapKind.GRAY, empty);
        assertEquals(1f, map.max());
        assertArrayEquals(new int[] {0, 0}, map.render(empty).rgb());
    }

    @Test
    void badRangesAndUnknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ColorMap(ColorMapKind.GRAY, 5f, 5f));
        assertThrows(IllegalArgumentException.class, () -> new ColorMap(ColorMapKind.GRAY, 0f, Float.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorMapKind.fromName("jet"));
        assertEquals("unknown colour map \"jet\" (choose from turbo, viridis, gray)", e.getMessage());
        assertEquals(ColorMapKind.TURBO, ColorMapKind.fromName("Turbo"));
        assertEquals(ColorMapKind.GRAY, ColorMapKind.fromName("gray"));
        assertFalse(ColorMapKind.VIRIDIS.cliName().isEmpty());
    }
}
