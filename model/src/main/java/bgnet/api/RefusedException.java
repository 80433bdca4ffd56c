package bgnet.api;

/**
 * A job refused before or after it ran: the Java heap is too small for this image size (the message
 * says how much is needed and how to give it), or the network produced NaN or infinite disparities.
 */
public final class RefusedException extends BGNetException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
