package bgnet.app.dataset;

import bgnet.model.io.DisparityMap;

/**
 * A ground-truth disparity and which of its pixels count.
 *
 * @param disparity   true disparities; a pixel is valid when finite and above 0 (KITTI: 0, Middlebury: inf = invalid)
 * @param nonOccluded per pixel, whether it is visible in both views; null when the dataset gives no mask
 */
public record GroundTruth(DisparityMap disparity, boolean[] nonOccluded) {
    public GroundTruth {
        if (nonOccluded != null && nonOccluded.length != disparity.values().length) {
            throw new IllegalArgumentException("mask has " + nonOccluded.length + " pixels, disparity "
                    + disparity.values().length);
        }
    }

    public static boolean valid(float gt) {
        return gt > 0 && gt < Float.POSITIVE_INFINITY;
    }
}
