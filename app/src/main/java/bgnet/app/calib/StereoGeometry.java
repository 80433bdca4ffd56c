package bgnet.app.calib;

/**
 * What depth needs from a rectified stereo camera: Z = f·B/d for a disparity d in pixels of the
 * left image this geometry describes.
 *
 * @param focalPx   focal length of the rectified left camera, in pixels
 * @param baselineM distance between the two optical centres, in metres
 * @param cx        principal point column of the rectified left camera, pixels
 * @param cy        principal point row of the rectified left camera, pixels
 */
public record StereoGeometry(double focalPx, double baselineM, double cx, double cy) {
    public StereoGeometry {
        if (!(focalPx > 0) || !(baselineM > 0) || !Double.isFinite(focalPx) || !Double.isFinite(baselineM)) {
            throw new IllegalArgumentException("focal length and baseline must be positive, got f=" + focalPx + " B=" + baselineM);
        }
    }

    /** Depth in metres of a disparity in pixels; infinite for d <= 0. */
    public double depthOf(double disparityPx) {
        return disparityPx > 0 ? focalPx * baselineM / disparityPx : Double.POSITIVE_INFINITY;
    }

    /**
     * The same camera after the image was resized by (sx, sy) and then cropped at (offX, offY).
     * Pixel centres follow cv::resize: source x maps to (x + 0.5)·sx − 0.5.
     */
    public StereoGeometry resizedAndCropped(double sx, double sy, double offX, double offY) {
        return new StereoGeometry(focalPx * sx, baselineM,
                (cx + 0.5) * sx - 0.5 - offX, (cy + 0.5) * sy - 0.5 - offY);
    }

    /** Replaces focal length and/or baseline (null keeps the current value). */
    public StereoGeometry withOverrides(Double focal, Double baseline) {
        return new StereoGeometry(focal != null ? focal : focalPx, baseline != null ? baseline : baselineM, cx, cy);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "f=%.2f px, B=%.4f m, principal point (%.1f, %.1f)", focalPx, baselineM, cx, cy);
    }
}
