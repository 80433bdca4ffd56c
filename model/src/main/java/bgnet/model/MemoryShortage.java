package bgnet.model;

/**
 * A job refused before it starts because the JVM's heap is too small for it. The message is one line
 * that says how much is needed and how to give it.
 */
public final class MemoryShortage extends ModelRefusal {
    private static final long serialVersionUID = 1L;

    public MemoryShortage(String message) {
        super(message);
    }
}
