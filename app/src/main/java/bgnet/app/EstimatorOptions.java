package bgnet.app;

import bgnet.app.weights.WeightsResolver;
import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.Backend;
import bgnet.model.backend.JvmBackend;
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

    /** Loads the checkpoint and binds it to the chosen backend. Errors carry one clear line. */
    public DisparityEstimator open() {
        Path file = new WeightsResolver(WeightsResolver.defaultDir(), System.err).resolve(weights);
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1");
        }
        BGNetModel model;
        try {
            model = BGNetModel.load(file);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage(), e);
        }
        return model.estimator(backend());
    }

    private Backend backend() {
        if (!backend.equals("jvm")) {
            throw new UserError("backend '" + backend + "' is not available in this build (available: jvm)");
        }
        return threads == null ? JvmBackend.allCores() : new JvmBackend(threads);
    }
}
