package bgnet.app;

import bgnet.api.Device;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.KernelTier;
import bgnet.model.backend.Backend;
import bgnet.model.backend.Backends;
import picocli.CommandLine.Option;

/**
 * The options every command that runs the network on one backend shares: which checkpoint and
 * threads ({@link NetworkOptions}), which backend, which device.
 */
public final class EstimatorOptions extends NetworkOptions {

    @Option(names = "--backend", defaultValue = "jvm", paramLabel = "jvm|tornado",
            description = "Where to run: jvm (default, needs nothing installed) or tornado (TornadoVM).")
    public String backend;

    @Option(names = "--device", paramLabel = "B:I",
            description = "TornadoVM device as backend:index (see `bgnet devices`); default: TornadoVM's default device.")
    public String device;

    /**
     * Loads the checkpoint and binds it to the chosen device, through the library's API. The device is
     * checked first, so that a bad --device is reported before a long checkpoint load. Errors carry one line.
     */
    public StereoEstimator openEstimator() {
        Device chosen = device();
        try (StereoModel model = openModel()) {
            return model.estimator(chosen);
        }
    }

    /** The device named by --backend / --device / --threads / --kernels, through the API. */
    public Device device() {
        Device d = Device.of(backend, device, jvmThreads());
        if (kernelCache != null) {
            d = d.withKernelCache(kernelCache);
        }
        return kernels == KernelTier.REFERENCE ? d.withReferenceKernels() : d;
    }

    /** The internal estimator (for the commands the API does not cover yet: live, eval). Errors carry one line. */
    public DisparityEstimator open() {
        Backend chosen = backend();
        return loadModel().estimator(chosen);
    }

    /** The backend named by --backend / --device / --threads / --kernels. */
    public Backend backend() {
        return backend(false);
    }

    /** The same, with the device's profiler on or off (per-op device times need it). */
    public Backend backend(boolean profile) {
        Integer n = jvmThreads();
        try {
            return Backends.select(backend, device, n, backendOptions(profile));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
