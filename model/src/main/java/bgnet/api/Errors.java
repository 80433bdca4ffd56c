package bgnet.api;

import bgnet.model.ModelRefusal;
import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.OutputException;
import bgnet.model.weights.WeightsUnavailable;

/** Turns the internals' exceptions into the API's, keeping their one-line messages unchanged. */
final class Errors {
    private Errors() {
    }

    static InputException input(ImageFormatException e) {
        return new InputException(e.getMessage(), e);
    }

    static InputException input(IllegalArgumentException e) {
        return new InputException(e.getMessage(), e);
    }

    static ModelException model(CheckpointException e) {
        return new ModelException(e.getMessage(), e);
    }

    static ModelException model(WeightsUnavailable e) {
        return new ModelException(e.getMessage(), e);
    }

    static DeviceException device(IllegalArgumentException e) {
        return new DeviceException(e.getMessage(), e);
    }

    static WriteException write(OutputException e) {
        return new WriteException(e.getMessage(), e);
    }

    static RefusedException refused(ModelRefusal e) {
        return new RefusedException(e.getMessage(), e);
    }
}
