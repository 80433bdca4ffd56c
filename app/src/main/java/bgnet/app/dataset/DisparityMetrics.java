package bgnet.app.dataset;

import bgnet.model.io.DisparityMap;

/**
 * Scores a disparity against ground truth the way the KITTI and Middlebury tools count: only pixels
 * whose ground truth is valid (finite and above 0) count. A predicted disparity that is not finite or
 * is negative (another method's "no answer") counts as 0, so it is scored, not silently left out.
 */
public final class DisparityMetrics {
    private DisparityMetrics() {
    }

    /** @throws IllegalArgumentException when the sizes differ */
    public static ImageScore score(String name, DisparityMap prediction, GroundTruth truth) {
        DisparityMap gt = truth.disparity();
        if (prediction.width() != gt.width() || prediction.height() != gt.height()) {
            throw new IllegalArgumentException("prediction is " + prediction.width() + "x" + prediction.height()
                    + " but ground truth is " + gt.width() + "x" + gt.height());
        }
        Scores.Accumulator all = new Scores.Accumulator();
        Scores.Accumulator noc = truth.nonOccluded() == null ? null : new Scores.Accumulator();
        float[] p = prediction.values();
        float[] g = gt.values();
        for (int i = 0; i < g.length; i++) {
            if (!GroundTruth.valid(g[i])) {
                continue;
            }
            double d = Float.isFinite(p[i]) && p[i] > 0 ? p[i] : 0;
            double error = Math.abs(d - g[i]);
            all.add(error, g[i]);
            if (noc != null && truth.nonOccluded()[i]) {
                noc.add(error, g[i]);
            }
        }
        return new ImageScore(name, all.scores(), noc == null ? null : noc.scores());
    }
}
