package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"left", "right"})
    void smallSourcePngGivesTheReferenceInputBitForBit(String side) throws IOException {
        GrayImage image = ImageReader.readGray(TestData.fixture("small_" + side + "_src.png"));
        float[] expected = TestData.readF32(TestData.fixture("input_small_" + side + ".f32"));

        assertEquals(256, image.width());
        assertEquals(128, image.height());
        assertArrayEquals(expected, image.pixels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"left", "right"})
    void rgbSourceConvertsToGreyExactlyLikePillow(String side) throws IOException {
        RgbImage colour = ImageReader.readRgb(TestData.fixture("large_" + side + "_src_rgb.png"));
        GrayImage fromColour = ImageReader.readGray(TestData.fixture("large_" + side + "_src_rgb.png"));
        GrayImage pillow = ImageReader.readGray(TestData.fixture("large_" + side + "_src.png"));

        // Only meaningful if the fixture really is colour.
        long colourful = java.util.Arrays.stream(colour.rgb())
                .filter(p -> (p >> 16 & 0xFF) != (p & 0xFF) || (p >> 8 & 0xFF) != (p & 0xFF)).count();
        assertTrue(colourful > colour.rgb().length / 2, "colour pixels: " + colourful);
        assertEquals(1300, fromColour.width());
        assertEquals(400, fromColour.height());
        assertArrayEquals(pillow.pixels(), fromColour.pixels());
    }

    @Test
    void lumaUsesPillowFixedPointWeights() {
        assertEquals(76, GrayConversion.luma(0xFF0000));
        assertEquals(150, GrayConversion.luma(0x00FF00));
        assertEquals(29, GrayConversion.luma(0x0000FF));
        assertEquals(255, GrayConversion.luma(0xFFFFFF));
        // (10*19595 + 200*38470 + 30*7471 + 32768) >> 16 = 124
        assertEquals(124, GrayConversion.luma(0x0AC81E));
        // Floating point 0.114*250 = 28.5 would round to 29; the fixed-point weights give 28.
        assertEquals(28, GrayConversion.luma(0x0000FA));
        assertEquals(GrayConversion.luma(0x123456), GrayConversion.luma(0xFF123456), "alpha byte ignored");
        for (int v = 0; v < 256; v++) {
            assertEquals(v, GrayConversion.luma(v << 16 | v << 8 | v), "grey " + v);
        }
    }

    @Test
    void greyImageReadsAsRgbWithEqualChannels() throws IOException {
        Path file = TestData.fixture("small_left_src.png");
        RgbImage rgb = ImageReader.readRgb(file);
        float[] grey = ImageReader.readGray(file).pixels();
        for (int i = 0; i < grey.length; i++) {
            int v = (int) grey[i];
            assertEquals(v << 16 | v << 8 | v, rgb.rgb()[i]);
        }
    }

    @Test
    void rgbaPngIgnoresAlpha() throws IOException {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00FF0000); // fully transparent red
        image.setRGB(1, 0, 0x8000FF00);
        image.setRGB(2, 0, 0xFF0AC81E);
        Path file = write(image, "png", "rgba.png");

        assertArrayEquals(new float[] {76, 150, 124}, ImageReader.readGray(file).pixels());
        assertArrayEquals(new int[] {0xFF0000, 0x00FF00, 0x0AC81E}, ImageReader.readRgb(file).rgb());
    }

    @Test
    void paletteImagesGoThroughTheirRgbPalette() throws IOException {
        byte[] r = {(byte) 255, 0, 10, 40};
        byte[] g = {0, (byte) 255, (byte) 200, 40};
        byte[] b = {0, 0, 30, 40};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b);
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {3, 2, 1, 0});
        float[] expected = {40, 124, 150, 76};

        assertArrayEquals(expected, ImageReader.readGray(write(image, "png", "palette.png")).pixels());
        assertArrayEquals(expected, ImageReader.readGray(write(image, "gif", "palette.gif")).pixels());
    }

    @Test
    void sixteenBitGreyKeepsTheHighByte() throws IOException {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0xABCD, 0x00FF, 0xFFFF});
        Path file = write(image, "png", "grey16.png");

        assertArrayEquals(new float[] {0xAB, 0x00, 0xFF}, ImageReader.readGray(file).pixels());
    }

    @Test
    void greyWithAlphaTakesTheGreyChannel() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setSamples(0, 0, 2, 1, 0, new int[] {37, 200});
        raster.setSamples(0, 0, 2, 1, 1, new int[] {0, 255});
        Path file = write(new BufferedImage(cm, raster, false, null), "png", "grey-alpha.png");

        assertArrayEquals(new float[] {37, 200}, ImageReader.readGray(file).pixels());
    }

    @Test
    void bmpAndJpegAreRead() throws IOException {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0x0AC81E);
            }
        }
        GrayImage bmp = ImageReader.readGray(write(image, "bmp", "flat.bmp"));
        GrayImage jpeg = ImageReader.readGray(write(image, "jpg", "flat.jpg"));

        assertEquals(16, bmp.width());
        assertEquals(8, bmp.height());
        for (int i = 0; i < bmp.pixels().length; i++) {
            assertEquals(124f, bmp.pixels()[i]);
            assertEquals(124f, jpeg.pixels()[i], 3f, "lossy JPEG of a flat colour");
        }
    }

    @Test
    void textFileNamedPngIsRejectedWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("x.png"), "this is not an image\n");

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.readGray(file));
        assertEquals(file + ": not a readable image (no ImageIO reader)", e.getMessage());
    }

    @Test
    void truncatedPngIsRejectedWithOneLine() throws IOException {
        byte[] png = Files.readAllBytes(TestData.fixture("small_left_src.png"));
        Path file = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(png, 200));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.readGray(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable image ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void missingFileAndFolderAreRejected() {
        Path missing = dir.resolve("left.png");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageReader.readRgb(missing));
        assertEquals(missing + ": no such file", e.getMessage());

        e = assertThrows(ImageFormatException.class, () -> ImageReader.readGray(dir));
        assertEquals(dir + ": is a folder, not an image", e.getMessage());
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
        return file;
    }
}
