package bgnet.tornado.cache;

/** A cache entry that cannot be used as it is: truncated, edited, for another key or for another chain. */
final class CorruptEntryException extends Exception {
    CorruptEntryException(String reason) {
        super(reason);
    }
}
