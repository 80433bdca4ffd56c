package bgnet.model.backend;

/**
 * How long preparing a network on a backend took (planning it and preparing the backend's program), with
 * the device backend's kernel split where it reports one ({@link KernelSetup}).
 *
 * @param setupMs the whole set-up
 * @param kernels the kernels' share, or null on a backend without device kernels (the JVM)
 */
public record SetupSplit(double setupMs, KernelSetup kernels) {

    /** The rest of the set-up (graphs built, weights repacked, uploads): NaN without a kernel split. */
    public double otherMs() {
        return kernels == null ? Double.NaN : setupMs - kernels.compileMs() - kernels.driverMs();
    }
}
