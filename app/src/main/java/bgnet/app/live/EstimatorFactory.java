package bgnet.app.live;

import bgnet.app.EstimatorOptions;
import bgnet.model.DisparityEstimator;

/** How `live` gets its network: from the shared options normally, anything else in tests. */
@FunctionalInterface
public interface EstimatorFactory {

    /** Opens the estimator the options name; failures are exceptions with a one-line message. */
    DisparityEstimator open(EstimatorOptions options) throws Exception;
}
