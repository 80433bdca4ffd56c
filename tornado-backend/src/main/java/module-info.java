/** The TornadoVM backend: BGNet's ops as @Parallel tasks in a TaskGraph, found by the app through its provider. */
module bgnet.tornado {
    requires bgnet.model;
    requires bgnet.kernels;
    requires tornado.api;
    requires jdk.management;

    // TornadoVM's runtime reads the task classes' bytecode and calls them by reflection.
    exports bgnet.tornado to tornado.runtime;
    exports bgnet.tornado.device to tornado.runtime;
    exports bgnet.tornado.cache;

    provides bgnet.model.backend.BackendProvider with bgnet.tornado.TornadoProvider;
}
