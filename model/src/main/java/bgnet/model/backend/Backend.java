package bgnet.model.backend;

import bgnet.model.network.NetworkProgram;

/** Somewhere a planned forward pass can run: the JVM, or a TornadoVM device. */
public interface Backend {

    /** Compiles / binds the program once (per input size); weights are uploaded here where a device needs them. */
    ProgramRunner prepare(NetworkProgram program);

    /**
     * Whether the network's activations live on the Java heap (then a run needs
     * {@link bgnet.model.MemoryBudget#networkBytes} of it free); a device backend keeps them in device
     * or off-heap memory.
     */
    default boolean activationsOnHeap() {
        return true;
    }

    /** Backend and device in words. */
    String description();
}
