package bgnet.model.io;

import java.io.IOException;

/**
 * An output file that could not be written. The message is one line that starts with the path; when
 * it is thrown, no output file and no temporary file have been left behind.
 */
public class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
