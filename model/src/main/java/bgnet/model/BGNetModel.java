package bgnet.model;

import bgnet.model.backend.Backend;
import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.network.Architecture;
import bgnet.model.network.BGNetWeights;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.ProgramBuilder;

import java.nio.file.Path;

/** A checkpoint loaded, validated and folded: the entry point for running BGNet / BGNet+. */
public final class BGNetModel {
    private final Path source;
    private final BGNetWeights weights;

    private BGNetModel(Path source, BGNetWeights weights) {
        this.source = source;
        this.weights = weights;
    }

    /** Reads a PyTorch checkpoint strictly (missing / unexpected keys and wrong shapes are errors). */
    public static BGNetModel load(Path checkpoint) throws CheckpointException {
        StateDict stateDict = StateDict.read(checkpoint);
        ParameterCheck.check(stateDict);
        return new BGNetModel(checkpoint, BGNetWeights.from(stateDict));
    }

    public Path source() {
        return source;
    }

    public BGNetWeights weights() {
        return weights;
    }

    public Architecture architecture() {
        return weights.architecture();
    }

    /** The forward pass for a padded H×W input (multiples of 64). */
    public NetworkProgram plan(int height, int width) {
        return ProgramBuilder.plan(weights, height, width);
    }

    /** The forward pass for a padded H×W input, computing the confidence map too when {@code confidence}. */
    public NetworkProgram plan(int height, int width, boolean confidence) {
        return ProgramBuilder.plan(weights, height, width, confidence);
    }

    /** A per-frame estimator on {@code backend}; any input size, padded internally. */
    public DisparityEstimator estimator(Backend backend) {
        return new PaddedEstimator(this, backend);
    }
}
