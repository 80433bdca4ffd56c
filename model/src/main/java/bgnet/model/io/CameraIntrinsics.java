package bgnet.model.io;

/**
 * The rectified left camera: pinhole model plus the stereo baseline.
 *
 * @param focalPx   focal length in pixels
 * @param cx        principal point, column (pixel centres at integer coordinates)
 * @param cy        principal point, row
 * @param baselineM distance between the camera centres in metres
 */
public record CameraIntrinsics(double focalPx, double cx, double cy, double baselineM) {
    public CameraIntrinsics {
        if (!(focalPx > 0) || !(baselineM > 0) || !Double.isFinite(focalPx * baselineM)
                || !Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("bad camera: f=" + focalPx + " cx=" + cx + " cy=" + cy + " B=" + baselineM);
        }
    }

    /** Principal point at the image centre, ((w-1)/2, (h-1)/2), when the calibration does not give one. */
    public static CameraIntrinsics centred(double focalPx, double baselineM, int width, int height) {
        return new CameraIntrinsics(focalPx, (width - 1) / 2.0, (height - 1) / 2.0, baselineM);
    }
}
