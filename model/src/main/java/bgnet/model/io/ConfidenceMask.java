package bgnet.model.io;

/**
 * {@code --min-confidence}: disparities the network is less sure of than a threshold become invalid
 * (0, as KITTI marks invalid), so that every output made from the disparity (PNG, PFM, colour, depth,
 * point cloud) leaves them out.
 */
public final class ConfidenceMask {
    private ConfidenceMask() {
    }

    /** A new map: {@code disparity} where confidence &gt;= threshold, else 0. */
    public static DisparityMap apply(DisparityMap disparity, ConfidenceMap confidence, float threshold) {
        if (confidence.width() != disparity.width() || confidence.height() != disparity.height()) {
            throw new IllegalArgumentException("confidence " + confidence.width() + "x" + confidence.height()
                    + " for a disparity of " + disparity.width() + "x" + disparity.height());
        }
        float[] d = disparity.values();
        float[] c = confidence.values();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            // NaN confidence counts as unsure: !(c >= t) rather than c < t.
            out[i] = c[i] >= threshold ? d[i] : 0f;
        }
        return new DisparityMap(disparity.width(), disparity.height(), out);
    }
}
