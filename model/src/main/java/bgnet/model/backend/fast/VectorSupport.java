package bgnet.model.backend.fast;

/** Whether the Vector API module was added to this JVM (--add-modules jdk.incubator.vector). */
public final class VectorSupport {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }

    public static boolean available() {
        return AVAILABLE;
    }
}
