package bgnet.model;

import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;

/**
 * A loaded stereo network bound to a backend: rectified grey pair in, disparity out.
 * Implementations keep per-size buffers between calls (the live demo calls this per frame),
 * so one instance must not be used from two threads at once.
 */
public interface DisparityEstimator extends AutoCloseable, SetupReporting {

    /** Disparity for a rectified pair of equal size; any size, padded and cropped internally. */
    default DisparityMap estimate(GrayImage left, GrayImage right) {
        return estimate(left, right, false).disparity();
    }

    /**
     * Disparity and, when {@code withConfidence}, the confidence map for a rectified pair of equal size.
     * Without confidence the pass costs what {@link #estimate(GrayImage, GrayImage)} costs.
     */
    Estimate estimate(GrayImage left, GrayImage right, boolean withConfidence);

    /** None by default: an estimator that prepares a backend says how long that took. */
    @Override
    default java.util.Optional<bgnet.model.backend.SetupSplit> lastSetup() {
        return java.util.Optional.empty();
    }

    /** Backend and device in words, e.g. "jvm (2 threads)" or "tornado 0:0 NVIDIA H100". */
    String description();

    @Override
    void close();
}
