package bgnet.model.weights;

import bgnet.model.ModelRefusal;

/**
 * A checkpoint name that gives no file: not a path, not an official name, or an official one that could
 * not be downloaded. The message is one line that says what to do.
 */
public final class WeightsUnavailable extends ModelRefusal {
    private static final long serialVersionUID = 1L;

    public WeightsUnavailable(String message) {
        super(message);
    }
}
