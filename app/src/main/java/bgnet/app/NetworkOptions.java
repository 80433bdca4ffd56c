package bgnet.app;

import bgnet.model.weights.WeightsResolver;
import bgnet.api.StereoModel;
import bgnet.model.BGNetModel;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.checkpoint.CheckpointException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of every command that runs the network: the checkpoint and the JVM backend's threads.
 * {@link EstimatorOptions} adds the choice of backend and device; `compare`, which runs on every
 * device, takes these alone.
 */
public class NetworkOptions {
    private static final int MAX_THREADS_PER_CORE = 4;

    @Option(names = "--weights", required = true, paramLabel = "W.pth",
            description = "Checkpoint: a path, or the name of an official checkpoint (downloaded into weights/ if missing).")
    public String weights;

    @Option(names = "--threads", paramLabel = "N",
            description = "JVM backend threads (default: all cores).")
    public Integer threads;

    @Option(names = "--kernels", defaultValue = "fast", paramLabel = "fast|reference",
            converter = KernelTierConverter.class,
            description = "fast (default): each backend's tuned kernels; reference: the per-element reference kernels (slow).")
    public KernelTier kernels = KernelTier.FAST;

    /** The checkpoint named by --weights, through the library's API (the way every network-running command should take). */
    public StereoModel openModel() {
        return StereoModel.load(weights);
    }

    @Option(names = "--kernel-cache", paramLabel = "DIR|off",
            description = "TornadoVM backend: where compiled kernels are kept between runs (default: $BGNET_KERNEL_CACHE, "
                    + "else ~/.cache/bgnet/kernels); off: compile every time.")
    public String kernelCache;

    /** The backend settings these options give (profiler on or off). */
    public BackendOptions backendOptions(boolean profile) {
        if (kernelCache != null && kernelCache.isBlank()) {
            throw new UserError("--kernel-cache needs a folder or off");
        }
        return new BackendOptions(profile, false, kernels, kernelCache);
    }

    /**
     * The checkpoint named by --weights as the internal model, for the commands that need more than the API
     * offers (bench's and compare's per-op timings). Same errors as {@link #openModel()}.
     */
    public BGNetModel loadModel() {
        Path file = new WeightsResolver(WeightsResolver.defaultDir(), System.err).resolve(weights);
        try {
            return BGNetModel.load(file);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** --threads, checked; null means all cores. */
    public Integer jvmThreads() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && threads > MAX_THREADS_PER_CORE * cores) {
            // More threads than this only cost memory and start-up (each one a native stack), never speed.
            throw new UserError("--threads " + threads + " is too many: at most " + MAX_THREADS_PER_CORE * cores
                    + " here (" + MAX_THREADS_PER_CORE + " x the " + cores + " available processors)");
        }
        return threads;
    }
}
