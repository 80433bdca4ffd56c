package bgnet.model.io;

/**
 * Colour to grey exactly as Pillow's {@code Image.convert('L')} does (ITU-R 601-2 luma in 16-bit
 * fixed point), so that the network sees the same input as the PyTorch reference.
 */
public final class GrayConversion {
    private GrayConversion() {
    }

    /** Grey level 0..255 of a packed 0xRRGGBB pixel (any alpha byte is ignored). */
    public static int luma(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        // The weights sum to 65536, so R=G=B=v gives exactly v: grey images pass through unchanged.
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    public static GrayImage toGray(RgbImage image) {
        int[] rgb = image.rgb();
        float[] grey = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            grey[i] = luma(rgb[i]);
        }
        return new GrayImage(image.width(), image.height(), grey);
    }
}
