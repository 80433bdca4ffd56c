package bgnet.model.io;

/**
 * An 8-bit grey image held as float grey levels 0..255 (the network's input range), row-major.
 *
 * @param width  columns
 * @param height rows
 * @param pixels height*width grey levels, pixels[y*width + x]
 */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("GrayImage " + width + "x" + height + " with " + pixels.length + " pixels");
        }
    }

    public float at(int x, int y) {
        return pixels[y * width + x];
    }
}
