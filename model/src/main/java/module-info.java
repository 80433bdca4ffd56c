/** BGNet / BGNet+: checkpoints, the planned forward pass, image I/O and the JVM backend. */
module bgnet.model {
    requires transitive bgnet.kernels;
    // net.razorvine:pickle 1.5 has no module descriptor: its automatic name comes from the jar name.
    requires pickle;
    requires java.desktop;
    // The JVM backend's fast convolutions (Vector API).
    requires jdk.incubator.vector;

    exports bgnet.model;
    exports bgnet.model.backend;
    exports bgnet.model.checkpoint;
    exports bgnet.model.io;
    exports bgnet.model.network;

    uses bgnet.model.backend.BackendProvider;
}
