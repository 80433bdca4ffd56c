package bgnet.api;

/**
 * The rectified left camera, for depth ({@code Z = f * B / d}) and point clouds.
 *
 * @param focalPx   focal length in pixels of the images given to the estimator
 * @param baselineM distance between the two camera centres in metres
 * @param cx        principal point's column, or NaN for the image centre {@code (width - 1) / 2}
 * @param cy        principal point's row, or NaN for the image centre {@code (height - 1) / 2}
 */
public record Camera(double focalPx, double baselineM, double cx, double cy) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the focal length or baseline is not positive and finite, or the
     *                                  principal point is infinite
     */
    public Camera {
        if (!(focalPx > 0) || !(baselineM > 0) || !Double.isFinite(focalPx * baselineM)
                || Double.isInfinite(cx) || Double.isInfinite(cy)) {
            throw new IllegalArgumentException("bad camera: f=" + focalPx + " cx=" + cx + " cy=" + cy + " B=" + baselineM);
        }
    }

    /**
     * A camera whose principal point is the image centre (enough for depth maps).
     *
     * @param focalPx   focal length in pixels
     * @param baselineM baseline in metres
     */
    public Camera(double focalPx, double baselineM) {
        this(focalPx, baselineM, Double.NaN, Double.NaN);
    }

    /** This camera for an image of the given size: the principal point filled in where it was NaN. */
    bgnet.model.io.CameraIntrinsics intrinsics(int width, int height) {
        return new bgnet.model.io.CameraIntrinsics(focalPx, Double.isNaN(cx) ? (width - 1) / 2.0 : cx,
                Double.isNaN(cy) ? (height - 1) / 2.0 : cy, baselineM);
    }
}
