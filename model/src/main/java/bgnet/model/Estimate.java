package bgnet.model;

import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DisparityMap;

/**
 * One pair's result, owned by the caller (never overwritten by the next pair).
 *
 * @param disparity  in the input's pixels
 * @param confidence of the same size, or null when it was not asked for
 */
public record Estimate(DisparityMap disparity, ConfidenceMap confidence) {
    public Estimate {
        if (disparity == null) {
            throw new IllegalArgumentException("an estimate needs a disparity");
        }
        if (confidence != null && (confidence.width() != disparity.width() || confidence.height() != disparity.height())) {
            throw new IllegalArgumentException("confidence " + confidence.width() + "x" + confidence.height()
                    + " for a disparity of " + disparity.width() + "x" + disparity.height());
        }
    }
}
