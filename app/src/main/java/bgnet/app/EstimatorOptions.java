package bgnet.app;

import bgnet.app.weights.WeightsResolver;
import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.Backend;
import bgnet.model.backend.Backends;
import bgnet.model.checkpoint.CheckpointException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that runs the network shares: which checkpoint, which backend, which device. */
public final class EstimatorOptions {
    private static final int MAX_THREADS_PER_CORE = 4;

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
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && threads > MAX_THREADS_PER_CORE * cores) {
            // More threads than this only cost memory and start-up (each one a native stack), never speed.
            throw new UserError("--threads " + threads + " is too many: at most " + MAX_THREADS_PER_CORE * cores
                    + " here (" + MAX_THREADS_PER_CORE + " x the " + cores + " available processors)");
        }
        try {
            return Backends.select(backend, device, threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
