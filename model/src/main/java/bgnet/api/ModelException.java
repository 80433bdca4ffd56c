package bgnet.api;

/**
 * A checkpoint that cannot be loaded: no such file, an official name that could not be downloaded, a
 * file that is not a PyTorch checkpoint, or a checkpoint that is not BGNet / BGNet+.
 */
public final class ModelException extends BGNetException {
    private static final long serialVersionUID = 1L;

    ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
