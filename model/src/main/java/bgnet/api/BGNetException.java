package bgnet.api;

/**
 * Every failure the library reports. The message is one line that names the problem and, where there
 * is one, the file: the {@code bgnet} command line prints exactly this message after {@code error: }.
 * The subclasses say what kind of thing went wrong; none of them is a bug in the caller's code.
 */
public abstract sealed class BGNetException extends RuntimeException
        permits InputException, ModelException, DeviceException, WriteException, RefusedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the one-line message
     * @param cause   the internal exception it comes from, or null
     */
    BGNetException(String message, Throwable cause) {
        super(message, cause);
    }
}
