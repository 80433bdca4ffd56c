package bgnet.model.backend.fast;

import bgnet.model.backend.TensorArrays;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.network.Copy;

/** {@code TensorKernels.copy} (a concatenation's second half) as bulk array copies. */
public final class FastCopy implements FastOp {
    private final int src;
    private final int dst;
    private final int count;

    private final float[] from;
    private final float[] to;

    public FastCopy(Copy op, TensorArrays buffers) {
        this.src = op.src().offset();
        this.dst = op.dst().offset();
        this.count = op.src().size();
        this.from = buffers.of(op.src().tensor());
        this.to = buffers.of(op.dst().tensor());
    }

    @Override
    public void run(float[] scratch, ParallelLoop loop) {
        // Slices of at least 64 Ki elements: smaller copies are not worth a second thread.
        int slices = Math.max(1, Math.min(loop.threads(), count >> 16));
        loop.forRange(slices, (lo, hi) -> {
            int a = (int) ((long) count * lo / slices);
            int b = (int) ((long) count * hi / slices);
            System.arraycopy(from, src + a, to, dst + a, b - a);
        });
    }
}
