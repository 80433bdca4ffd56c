package bgnet.model.backend;

/**
 * Settings a backend may honour when it is created.
 *
 * @param profile   collect the device's own kernel / transfer timings (see {@link ProgramRunner#deviceTimes()})
 * @param copyNamed also copy the program's named intermediates back after every run (tests, debugging);
 *                  normally only the disparity leaves the device
 * @param kernels   the fast tier (default) or the reference kernels
 */
public record BackendOptions(boolean profile, boolean copyNamed, KernelTier kernels) {

    public BackendOptions {
        if (kernels == null) {
            throw new IllegalArgumentException("kernels must be given");
        }
    }

    public BackendOptions(boolean profile, boolean copyNamed) {
        this(profile, copyNamed, KernelTier.FAST);
    }

    public static BackendOptions defaults() {
        return new BackendOptions(false, false, KernelTier.FAST);
    }

    public BackendOptions withKernels(KernelTier tier) {
        return new BackendOptions(profile, copyNamed, tier);
    }
}
