package bgnet.model.io;

/**
 * A colour image as packed 0xRRGGBB ints, row-major; grey images are stored with R=G=B.
 *
 * @param width  columns
 * @param height rows
 * @param rgb    height*width packed pixels, rgb[y*width + x]
 */
public record RgbImage(int width, int height, int[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("RgbImage " + width + "x" + height + " with " + rgb.length + " pixels");
        }
    }
}
