package bgnet.api;

/**
 * An output file that could not be written (missing folder, no permission, unknown extension). When it
 * is thrown no partial file is left behind: writes go to a temporary file that replaces the target.
 */
public final class WriteException extends BGNetException {
    private static final long serialVersionUID = 1L;

    WriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
