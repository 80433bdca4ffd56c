/**
 * BGNet / BGNet+ stereo networks in Java. The API is package {@code bgnet.api}; the other packages
 * (checkpoint reading, the planned network, backends, image I/O) are exported only to the project's
 * own modules, so they may change without notice.
 */
module bgnet.model {
    // The kernels are internal too: not transitive, so that a user of the API does not read them.
    requires bgnet.kernels;
    // net.razorvine:pickle 1.5 has no module descriptor: its automatic name comes from the jar name.
    requires pickle;
    // The API takes BufferedImages (java.awt.image).
    requires transitive java.desktop;
    // Official checkpoints are downloaded on first use.
    requires java.net.http;
    // The JVM backend's fast convolutions (Vector API).
    requires jdk.incubator.vector;

    exports bgnet.api;

    // Internals: the command line, and the TornadoVM backend (which implements BackendProvider and
    // runs the planned network's ops).
    exports bgnet.model to bgnet.app;
    exports bgnet.model.backend to bgnet.app, bgnet.tornado;
    exports bgnet.model.checkpoint to bgnet.app;
    exports bgnet.model.io to bgnet.app;
    exports bgnet.model.network to bgnet.app, bgnet.tornado;
    exports bgnet.model.weights to bgnet.app;

    uses bgnet.model.backend.BackendProvider;
}
