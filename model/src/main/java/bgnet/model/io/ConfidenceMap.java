package bgnet.model.io;

/**
 * How sure the network is of each pixel's disparity, row-major, in the pixels of the image it was
 * computed for: the largest of the regression's softmax probabilities, upsampled as the disparity is.
 *
 * @param width  columns
 * @param height rows
 * @param values height*width confidences in (0, 1]
 */
public record ConfidenceMap(int width, int height, float[] values) {
    public ConfidenceMap {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException("ConfidenceMap " + width + "x" + height + " with " + values.length + " values");
        }
    }

    public float at(int x, int y) {
        return values[y * width + x];
    }
}
