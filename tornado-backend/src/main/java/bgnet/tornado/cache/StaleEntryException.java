package bgnet.tornado.cache;

/**
 * Thrown while a chain is built from a cache entry whose tasks do not match the chain's (another
 * task, other argument shapes, another grid): the entry is stale and the chain must be compiled.
 */
public final class StaleEntryException extends RuntimeException {
    StaleEntryException(String reason) {
        super(reason);
    }
}
