package bgnet.model;

import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.checkpoint.TensorData;

/**
 * Refuses parameters no trained network has: NaN or infinite values (anywhere), and negative batch-norm
 * running variances (the square root of a negative number is NaN). Either would turn every output
 * pixel into NaN, so they are errors at load time, naming the tensor.
 */
public final class ParameterCheck {
    private ParameterCheck() {
    }

    public static void check(StateDict stateDict) throws CheckpointException {
        for (TensorData t : stateDict.tensors()) {
            float[] v = t.values();
            boolean variance = t.key().endsWith("running_var");
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new CheckpointException(stateDict.source(), "tensor '" + t.key() + "' holds " + v[i]
                            + " at element " + i + " of " + v.length + ": the weights are corrupt (NaN or infinite)");
                }
                if (variance && v[i] < 0) {
                    throw new CheckpointException(stateDict.source(), "tensor '" + t.key() + "' holds " + v[i]
                            + " at element " + i + " of " + v.length + ": a batch-norm running variance cannot be negative");
                }
            }
        }
    }
}
