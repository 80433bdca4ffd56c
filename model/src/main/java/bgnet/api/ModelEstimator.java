package bgnet.api;

import bgnet.model.DisparityEstimator;
import bgnet.model.Estimate;
import bgnet.model.ModelRefusal;
import bgnet.model.SetupReporting;

/** The API's estimator: the model's own, with its exceptions turned into the API's. */
final class ModelEstimator implements StereoEstimator, SetupReporting {
    private final DisparityEstimator estimator;
    private boolean closed;

    ModelEstimator(DisparityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public StereoResult estimate(InputImage left, InputImage right) {
        return run(left, right, false);
    }

    @Override
    public StereoResult estimateWithConfidence(InputImage left, InputImage right) {
        return run(left, right, true);
    }

    private StereoResult run(InputImage left, InputImage right, boolean confidence) {
        if (closed) {
            throw new IllegalStateException("the estimator is closed");
        }
        InputImage.checkPair(left, right);
        Estimate estimate;
        try {
            estimate = estimator.estimate(left.gray(), right.gray(), confidence);
        } catch (ModelRefusal e) {
            throw Errors.refused(e);
        }
        return new StereoResult(estimate.disparity(), estimate.confidence(), left);
    }

    @Override
    public java.util.Optional<bgnet.model.backend.SetupSplit> lastSetup() {
        return estimator.lastSetup();
    }

    @Override
    public String description() {
        return estimator.description();
    }

    @Override
    public void close() {
        closed = true;
        estimator.close();
    }
}
