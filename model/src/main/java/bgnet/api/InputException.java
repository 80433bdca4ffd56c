package bgnet.api;

/**
 * An input image that cannot be used: missing, not a regular file, not an image, or the two images of a
 * pair differ in size. E.g. {@code left.png: no such file}.
 */
public final class InputException extends BGNetException {
    private static final long serialVersionUID = 1L;

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
