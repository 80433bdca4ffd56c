package bgnet.model.backend.fast;

import bgnet.model.backend.ParallelLoop;
import bgnet.model.backend.TensorArrays;
import bgnet.model.network.Conv;

import java.util.List;

/**
 * One convolution launch on the fast path: its input is copied into the staged layout (a scratch
 * buffer shared by all launches), then blocks of 4 channels × 4 vectors of positions are accumulated
 * by {@link ConvMicroKernel} and stored by {@link ConvStore}. Weights are repacked once, here.
 * A transposed layer's even- and odd-column classes are computed side by side and stored
 * interleaved, so its output is written in whole vectors too.
 * Computes what the shared kernels compute, in the same summation order (with fused multiply-adds).
 */
public final class FastConvolution implements FastOp {
    private final ConvShape shape;
    private final StagedInput staged;
    private final TapClass[] classes;
    /** Work units: {class, the odd-column class stored interleaved with it or -1}. */
    private final int[][] units;
    private final int[] firstBlock;
    private final int blocks;
    private final float[] input;
    private final float[] residual;
    private final float[] output;
    /** The previous launch left exactly this staged input in the scratch buffer. */
    private boolean stagedAlready;

    public FastConvolution(Conv op, TensorArrays buffers) {
        this.shape = ConvShape.of(op);
        this.staged = ConvPlanner.stagedInput(shape);
        this.input = buffers.of(op.in().tensor());
        this.residual = ConvShape.residual(op, buffers);
        this.output = buffers.of(op.out().tensor());
        List<TapClass> list = ConvPlanner.classes(shape, staged, op.weights().weight(), op.weights().bias());
        this.classes = list.toArray(new TapClass[0]);
        this.units = pairColumnClasses(classes);
        this.firstBlock = new int[units.length + 1];
        for (int u = 0; u < units.length; u++) {
            firstBlock[u + 1] = firstBlock[u] + classes[units[u][0]].blocks();
        }
        this.blocks = firstBlock[units.length];
    }

    /** Classes (py, 0) and (py, 1) of a stride-2 transposed layer pair up when their grids coincide (even width). */
    private static int[][] pairColumnClasses(TapClass[] classes) {
        List<int[]> units = new java.util.ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            TapClass a = classes[c];
            TapClass b = c + 1 < classes.length ? classes[c + 1] : null;
            if (b != null && a.step() == 2 && a.px() == 0 && b.px() == 1 && a.py() == b.py() && a.rows() == b.rows()
                    && a.cols() == b.cols() && a.positions() == b.positions()) {
                units.add(new int[] {c, c + 1});
                c++;
            } else {
                units.add(new int[] {c, -1});
            }
        }
        return units.toArray(new int[0][]);
    }

    /**
     * Skips the staging copy when {@code previous} (the launch just before this one) stages the same
     * input the same way and does not write it: a basic block's conv1 and its 1x1 shortcut.
     */
    public void followOn(FastOp previous) {
        stagedAlready = previous instanceof FastConvolution p && p.input == input && p.output != input
                && p.shape.inOff() == shape.inOff() && p.staged.sameLayout(staged);
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

    @Override
    public void run(float[] scratch, ParallelLoop loop) {
        float[] in = input;
        float[] res = residual;
        float[] out = output;
        if (!stagedAlready) {
            loop.forRange(staged.units(), (lo, hi) -> staged.stage(in, shape.inOff(), scratch, lo, hi));
        }
        loop.forRange(blocks, (lo, hi) -> compute(scratch, res, out, lo, hi));
    }

    private void compute(float[] scratch, float[] res, float[] out, int from, int to) {
        int tileSize = ConvMicroKernel.OC_BLOCK * ConvMicroKernel.BLOCK + ConvMicroKernel.LANES;
        float[] tile = new float[tileSize];
        float[] oddTile = new float[tileSize];
        OutputSegments seg = new OutputSegments();
        int ob = ConvMicroKernel.OC_BLOCK;
        int volume = shape.outVolume();
        int u = 0;
        for (int blk = from; blk < to; blk++) {
            while (blk >= firstBlock[u + 1]) {
                u++;
            }
            TapClass tc = classes[units[u][0]];
            TapClass odd = units[u][1] < 0 ? null : classes[units[u][1]];
            int q0 = (blk - firstBlock[u]) * ConvMicroKernel.BLOCK;
            seg.fill(tc, staged, shape, q0);
            int perBlock = tc.offsets().length * ob;
            int oddPerBlock = odd == null ? 0 : odd.offsets().length * ob;
            for (int ocb = 0; ocb * ob < shape.outC(); ocb++) {
                ConvMicroKernel.block(scratch, q0, tc.offsets(), tc.packed(), ocb * perBlock, tile);
                if (odd != null) {
                    ConvMicroKernel.block(scratch, q0, odd.offsets(), odd.packed(), ocb * oddPerBlock, oddTile);
                }
                for (int o = 0; o < ob && ocb * ob + o < shape.outC(); o++) {
                    int oc = ocb * ob + o;
                    int resBase = shape.resOff() < 0 ? -1 : shape.resOff() + oc * volume;
                    int outBase = shape.outOff() + oc * volume;
                    if (odd == null) {
                        ConvStore.store(tile, o * ConvMicroKernel.BLOCK, seg, tc.step(), tc.bias()[oc], shape.act(),
                                res, resBase, out, outBase);
                    } else {
                        ConvStore.storeInterleaved(tile, oddTile, o * ConvMicroKernel.BLOCK, seg, tc.bias()[oc],
                                shape.act(), res, resBase, out, outBase);
                    }
                }
            }
        }
    }
}
