/** The per-element kernel math shared by the JVM and TornadoVM backends. */
module bgnet.kernels {
    exports bgnet.kernels;
    exports bgnet.kernels.device;
}
