package bgnet.model.backend;

import bgnet.model.network.NetworkProgram;

/** Somewhere a planned forward pass can run: the JVM, or a TornadoVM device. */
public interface Backend {

    /** Compiles / binds the program once (per input size); weights are uploaded here where a device needs them. */
    ProgramRunner prepare(NetworkProgram program);

    /** Backend and device in words. */
    String description();
}
