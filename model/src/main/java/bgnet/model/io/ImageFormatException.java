package bgnet.model.io;

import java.io.IOException;

/**
 * An input file that is missing or cannot be decoded. The message is one line that starts with the
 * path, e.g. {@code left.png: not a readable image (no ImageIO reader)}, so a CLI can print it as is.
 */
public class ImageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
