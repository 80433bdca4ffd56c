package bgnet.model.backend;

/**
 * Settings a backend may honour when it is created.
 *
 * @param profile     collect the device's own kernel / transfer timings (see {@link ProgramRunner#deviceTimes()})
 * @param copyNamed   also copy the program's named intermediates back after every run (tests, debugging);
 *                    normally only the disparity leaves the device
 * @param kernels     the fast tier (default) or the reference kernels
 * @param kernelCache where a backend that compiles kernels keeps them across processes: a folder, "off",
 *                    or null for the backend's default (the TornadoVM backend: {@code BGNET_KERNEL_CACHE},
 *                    else the user's cache folder)
 */
public record BackendOptions(boolean profile, boolean copyNamed, KernelTier kernels, String kernelCache) {

    public BackendOptions {
        if (kernels == null) {
            throw new IllegalArgumentException("kernels must be given");
        }
        if (kernelCache != null && kernelCache.isBlank()) {
            throw new IllegalArgumentException("the kernel cache must be a folder or \"off\", got an empty name");
        }
    }

    public BackendOptions(boolean profile, boolean copyNamed, KernelTier kernels) {
        this(profile, copyNamed, kernels, null);
    }

    public BackendOptions(boolean profile, boolean copyNamed) {
        this(profile, copyNamed, KernelTier.FAST);
    }

    public static BackendOptions defaults() {
        return new BackendOptions(false, false, KernelTier.FAST);
    }

    public BackendOptions withKernels(KernelTier tier) {
        return new BackendOptions(profile, copyNamed, tier, kernelCache);
    }

    public BackendOptions withKernelCache(String cache) {
        return new BackendOptions(profile, copyNamed, kernels, cache);
    }
}
