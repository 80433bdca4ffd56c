package bgnet.app;

import bgnet.app.weights.WeightsResolver;
import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.Backend;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.Backends;
import bgnet.model.backend.KernelTier;
import bgnet.model.checkpoint.CheckpointException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that runs the network shares: which checkpoint, which backend, which device. */
public final class EstimatorOptions {

    @Option(names = "--weights", required = true, paramLabel = "W.pth",
            description = "Checkpoint: a path, or the name of an official checkpoint (downloaded into weights/ if missing).")
    public String weights;

    @Option(names = "--backend", defaultValue = "jvm", paramLabel = "jvm|tornado",
            description = "Where to run: jvm (default, needs nothing installed) or tornado (TornadoVM).")
    public String backend;

    @Option(names = "--device", paramLabel = "B:I",
            description = "TornadoVM device as backend:index (see `bgnet devices`); default: TornadoVM's default device.")
    public String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "JVM backend threads (default: all cores).")
    public Integer threads;

    @Option(names = "--kernels", defaultValue = "fast", paramLabel = "fast|reference",
            converter = KernelTierConverter.class,
            description = "fast (default): the backend's tuned kernels; reference: the per-element reference kernels (slow).")
    public KernelTier kernels = KernelTier.FAST;

    /** Loads the checkpoint and binds it to the chosen backend. Errors carry one clear line. */
    public DisparityEstimator open() {
        Backend chosen = backend();
        return loadModel().estimator(chosen);
    }

    /** The checkpoint named by --weights, loaded and validated. */
    public BGNetModel loadModel() {
        Path file = new WeightsResolver(WeightsResolver.defaultDir(), System.err).resolve(weights);
        try {
            return BGNetModel.load(file);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** The backend named by --backend / --device / --threads. */
    public Backend backend() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1");
        }
        try {
            return Backends.select(backend, device, threads, BackendOptions.defaults().withKernels(kernels));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
