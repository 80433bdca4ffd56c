package bgnet.app.live;

import bgnet.app.EstimatorOptions;
import bgnet.api.StereoEstimator;

/** How `live` gets its network: through the library's API from the shared options normally, anything else in tests. */
@FunctionalInterface
public interface EstimatorFactory {

    /** Opens the estimator the options name; failures are exceptions with a one-line message. */
    StereoEstimator open(EstimatorOptions options) throws Exception;
}
