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
 * @param writes activation array written
 */
record BoundOp<A>(Op op, int[] params, List<A> reads, A writes) {

    static <A> BoundOp<A> of(Op op, ProgramArrays<A> arrays) {
        List<A> reads = new ArrayList<>();
        for (View v : op.reads()) {
            reads.add(arrays.of(v.tensor()));
        }
        return new BoundOp<>(op, KernelParams.of(op), List.copyOf(reads), arrays.of(op.writes().tensor()));
    }

    A read(int k) {
        return reads.get(k);
    }

    /** Elements of the output the reference kernel computes (its task's loop bound). */
    int size() {
        return KernelParams.size(op);
    }
}
