package bgnet.tornado;

import bgnet.model.backend.TensorArrays;
import bgnet.model.network.Conv;
import bgnet.model.network.KernelParams;
import bgnet.model.network.Op;
import bgnet.model.network.View;

import java.util.ArrayList;
import java.util.List;

/**
 * An op bound to the arrays its reference task runs over: the activations it reads and writes (shared
 * by liveness, living on the device) and its constants (weights, bias, the kernel's int parameters),
 * which go to the device once.
 *
 * @param params the kernel's parameters, one array per op so that it is transferred once
 * @param reads  activation arrays read
 * @param writes activation array written
 */
record BoundOp(Op op, int[] params, List<float[]> reads, float[] writes, List<Object> constants) {
    /** Stand-in residual for convolutions without one (a task has a fixed argument list). */
    private static final int NO_RESIDUAL_LENGTH = 1;

    static BoundOp of(Op op, TensorArrays arrays) {
        int[] params = KernelParams.of(op);
        List<float[]> reads = new ArrayList<>();
        for (View v : op.reads()) {
            reads.add(arrays.of(v.tensor()));
        }
        List<Object> constants = new ArrayList<>();
        constants.add(params);
        if (op instanceof Conv c) {
            constants.add(c.weights().weight());
            constants.add(c.weights().bias());
            if (c.residual() == null) {
                constants.add(new float[NO_RESIDUAL_LENGTH]);
            }
        }
        return new BoundOp(op, params, List.copyOf(reads), arrays.of(op.writes().tensor()), List.copyOf(constants));
    }

    /** A convolution's residual array: the bound activation, or the stand-in constant. */
    float[] residual() {
        Conv c = (Conv) op;
        return c.residual() != null ? reads.get(1) : (float[]) constants.get(3);
    }

    int size() {
        return KernelParams.size(op);
    }

    /** Every array this op's task touches, activations and constants. */
    List<Object> arrays() {
        List<Object> all = new ArrayList<>(reads);
        all.add(writes);
        all.addAll(constants);
        return all;
    }
}
