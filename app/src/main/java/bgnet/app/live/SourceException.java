package bgnet.app.live;

/** A source that cannot be opened or stopped delivering; the message is one line for the user. */
public final class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }
}
