package bgnet.model.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be used. The message is always one line naming the file and the
 * problem, so a command-line tool can print it as is.
 */
public final class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CheckpointException(Path file, String problem) {
        this(file, problem, null);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(oneLine("checkpoint " + file + ": " + problem), cause);
        this.file = file;
    }

    /** The checkpoint file the problem is about. */
    public Path file() {
        return file;
    }

    // Causes' messages (zip, pickle) may carry newlines; the contract is one line.
    private static String oneLine(String text) {
        return bgnet.model.io.SafeText.escape(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
}
