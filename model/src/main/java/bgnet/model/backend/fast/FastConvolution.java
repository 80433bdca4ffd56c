package bgnet.model.backend.fast;

import bgnet.model.backend.ParallelLoop;
import bgnet.model.network.Op;

import java.util.List;

/**
 * One convolution launch on the fast path: its input is copied into the staged layout (a scratch
 * buffer shared by all launches), then blocks of 4 channels × 4 vectors of positions are accumulated
 * by {@link ConvMicroKernel} and stored by {@link ConvStore}. Weights are repacked once, here.
 * Computes what the shared kernels compute, in the same summation order (with fused multiply-adds).
 */
public final class FastConvolution implements FastOp {
    private final ConvShape shape;
    private final StagedInput staged;
    private final TapClass[] classes;
    private final int[] firstBlock;
    private final int blocks;

    public FastConvolution(Op op) {
        this.shape = ConvShape.of(op);
        this.staged = ConvPlanner.stagedInput(shape);
        List<TapClass> list = ConvPlanner.classes(shape, staged, op.arrays()[1], op.arrays()[2]);
        this.classes = list.toArray(new TapClass[0]);
        this.firstBlock = new int[classes.length + 1];
        for (int c = 0; c < classes.length; c++) {
            firstBlock[c + 1] = firstBlock[c] + classes[c].blocks();
        }
        this.blocks = firstBlock[classes.length];
    }

    /** The staged input and what the last block over-reads. */
    @Override
    public int scratchSize() {
        int size = staged.size();
        for (TapClass c : classes) {
            size = Math.max(size, c.readExtent() + 1);
        }
        return size;
    }

    /** {@code arrays} are the op's {in, weight, bias, residual, out}. */
    @Override
    public void run(float[][] arrays, float[] scratch, ParallelLoop loop) {
        float[] in = arrays[0];
        float[] res = arrays[3];
        float[] out = arrays[4];
        loop.forRange(staged.units(), (lo, hi) -> staged.stage(in, shape.inOff(), scratch, lo, hi));
        loop.forRange(blocks, (lo, hi) -> compute(scratch, res, out, lo, hi));
    }

    private void compute(float[] scratch, float[] res, float[] out, int from, int to) {
        float[] tile = new float[ConvMicroKernel.OC_BLOCK * ConvMicroKernel.BLOCK + ConvMicroKernel.LANES];
        OutputSegments seg = new OutputSegments();
        int ob = ConvMicroKernel.OC_BLOCK;
        int volume = shape.outVolume();
        int c = 0;
        for (int blk = from; blk < to; blk++) {
            while (blk >= firstBlock[c + 1]) {
                c++;
            }
            TapClass tc = classes[c];
            int q0 = (blk - firstBlock[c]) * ConvMicroKernel.BLOCK;
            seg.fill(tc, staged, shape, q0);
            int perBlock = tc.offsets().length * ob;
            for (int ocb = 0; ocb * ob < shape.outC(); ocb++) {
                ConvMicroKernel.block(scratch, q0, tc.offsets(), tc.packed(), ocb * perBlock, tile);
                for (int o = 0; o < ob && ocb * ob + o < shape.outC(); o++) {
                    int oc = ocb * ob + o;
                    ConvStore.store(tile, o * ConvMicroKernel.BLOCK, seg, tc.step(), tc.bias()[oc], shape.act(),
                            res, shape.resOff() < 0 ? -1 : shape.resOff() + oc * volume,
                            out, shape.outOff() + oc * volume);
                }
            }
        }
    }
}
