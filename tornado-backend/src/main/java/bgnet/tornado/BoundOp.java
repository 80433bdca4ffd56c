package bgnet.tornado;

import bgnet.model.network.KernelParams;
import bgnet.model.network.Op;
import bgnet.model.network.View;

import java.util.ArrayList;
import java.util.List;

/**
 * An op bound to the arrays its tasks run over: the activations it reads and writes (shared by
 * liveness, living on the device) and its reference kernel's int parameters (one array per op, so
 * that it is transferred once), which the device tier's tasks read too.
 *
 * @param <A>    the tier's array type ({@code float[]} or {@code FloatArray})
 * @param reads  activation arrays read, in the op's {@link Op#reads()} order
 * @param writes activation array written (the op's main output)
 * @param outputs every array written, in the op's {@link Op#outputs()} order ({@code writes} first)
 */
record BoundOp<A>(Op op, int[] params, List<A> reads, A writes, List<A> outputs) {

    /** An op with one output. */
    BoundOp(Op op, int[] params, List<A> reads, A writes) {
        this(op, params, reads, writes, List.of(writes));
    }

    static <A> BoundOp<A> of(Op op, ProgramArrays<A> arrays) {
        List<A> reads = new ArrayList<>();
        for (View v : op.reads()) {
            reads.add(arrays.of(v.tensor()));
        }
        List<A> outputs = new ArrayList<>();
        for (View v : op.outputs()) {
            outputs.add(arrays.of(v.tensor()));
        }
        return new BoundOp<>(op, KernelParams.of(op), List.copyOf(reads), outputs.get(0), List.copyOf(outputs));
    }

    /** The k-th array written; 1 is the slicing's confidence where it has one. */
    A output(int k) {
        return outputs.get(k);
    }

    A read(int k) {
        return reads.get(k);
    }

    /** Elements of the output the reference kernel computes (its task's loop bound). */
    int size() {
        return KernelParams.size(op);
    }
}
