package bgnet.model;

/**
 * A job the model refuses, with a one-line message for the user that says what is wrong and what to
 * do: not a bug, so a command line prints the message as it is.
 */
public abstract class ModelRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ModelRefusal(String message) {
        super(message);
    }
}
