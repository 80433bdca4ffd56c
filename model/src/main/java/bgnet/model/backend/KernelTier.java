package bgnet.model.backend;

/** Which kernels a backend runs: its fast tier (the default) or the per-element reference kernels. */
public enum KernelTier {
    /** The shared per-element kernels of {@code bgnet.kernels}: the math every fast tier is tested against. */
    REFERENCE,
    /** The backend's tuned kernels (JVM: Vector API; TornadoVM: the blocked device tier). */
    FAST
}
