package bgnet.model.io;

import java.nio.file.Path;

/**
 * Reads any image javax.imageio can decode (PNG, JPEG, BMP, GIF, ...) as the network's input.
 * <ul>
 * <li>Colour becomes grey like Pillow's {@code convert('L')} ({@link GrayConversion}); palette images
 *     go through their RGB palette.</li>
 * <li>8-bit grey is taken as stored (no gamma); 16-bit grey or colour keeps the high byte of each sample.</li>
 * <li>Alpha is ignored: a transparent pixel gives the grey of its colour, not of a background.</li>
 * <li>Grey levels become floats 0..255, unscaled.</li>
 * </ul>
 */
public final class ImageReader {
    private ImageReader() {
    }

    public static GrayImage readGray(Path file) throws ImageFormatException {
        return GrayConversion.toGray(readRgb(file));
    }

    /** An image already in memory as 8-bit RGB, decoded by the same rules as a file. */
    public static RgbImage toRgb(java.awt.image.BufferedImage image) {
        return PixelDecoder.toRgb(image);
    }

    /** The image as 8-bit RGB; grey images come back with R=G=B. */
    public static RgbImage readRgb(Path file) throws ImageFormatException {
        return PixelDecoder.toRgb(ImageFiles.read(file));
    }
}
