package bgnet.model.backend.fast;

import bgnet.kernels.TensorKernels;
import bgnet.model.backend.ParallelLoop;

/** {@link TensorKernels#copy} (a concatenation's second half) as bulk array copies. */
public final class FastCopy implements FastOp {
    private final int src;
    private final int dst;
    private final int count;

    public FastCopy(int[] p) {
        this.src = p[TensorKernels.SRC_OFF];
        this.dst = p[TensorKernels.DST_OFF];
        this.count = p[TensorKernels.COUNT];
    }

    /** {@code arrays} are the op's {src, dst}. */
    @Override
    public void run(float[][] arrays, float[] scratch, ParallelLoop loop) {
        float[] from = arrays[0];
        float[] to = arrays[1];
        // Slices of at least 64 Ki elements: smaller copies are not worth a second thread.
        int slices = Math.max(1, Math.min(loop.threads(), count >> 16));
        loop.forRange(slices, (lo, hi) -> {
            int a = (int) ((long) count * lo / slices);
            int b = (int) ((long) count * hi / slices);
            System.arraycopy(from, src + a, to, dst + a, b - a);
        });
    }
}
