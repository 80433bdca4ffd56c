package bgnet.model.io;

/**
 * A disparity map in pixels of the image it was computed for, row-major.
 *
 * @param width  columns
 * @param height rows
 * @param values height*width disparities (>= 0; 0 means invalid for KITTI output)
 */
public record DisparityMap(int width, int height, float[] values) {
    public DisparityMap {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException("DisparityMap " + width + "x" + height + " with " + values.length + " values");
        }
    }

    public float at(int x, int y) {
        return values[y * width + x];
    }
}
