package bgnet.model.backend.fast;

import bgnet.model.backend.ParallelLoop;
import bgnet.model.network.Op;

/**
 * A 3x3, stride-1, padding-1 2-D convolution by Winograd's F(2x2, 3x3): 2.25 times fewer multiplies.
 * The input is staged as for a stride-2 convolution (2x2 phases), so output tile (a, b) — outputs
 * (2a..2a+1, 2b..2b+1) — reads its 4x4 input tile at 16 constant offsets from position q(a, b). Per
 * block of positions: the input tiles of every channel are transformed into a small per-thread
 * buffer, the 16 products are 16 channel sums run by {@link ConvMicroKernel}, and each output
 * channel's 2x2 tiles are transformed back and stored, fused with bias, activation and residual.
 * The summation order differs from the shared kernel's, so results differ by rounding (~1e-6 relative).
 */
public final class WinogradConvolution implements FastOp {
    private static final int B = ConvMicroKernel.BLOCK;
    private static final int OB = ConvMicroKernel.OC_BLOCK;

    private final ConvShape shape;
    private final StagedInput staged;
    private final int rows;
    private final int cols;
    private final int positions;
    private final int blocks;
    /** Staged offsets of the 16 elements of an output tile's input tile, d[r][c] at [r*4 + c]. */
    private final int[] tile = new int[16];
    /** For product t, the read offset of input channel ic in the transformed block: t*elementStride + ic*BLOCK. */
    private final int[][] gemmOffsets = new int[16][];
    /**
     * Distance between the 16 transformed elements in the per-thread block: inC*BLOCK plus two vectors, so
     * that the 16 store streams of the input transform do not all fall into the same L1 set (4 KiB aliasing).
     */
    private final int elementStride;
    /** For product t, U[t] packed as [output-channel block][input channel][channel in block]. */
    private final float[][] packed = new float[16][];
    private final float[] bias;

    public WinogradConvolution(Op op) {
        this.shape = ConvShape.of(op);
        if (!supports(shape)) {
            throw new IllegalArgumentException("not a 3x3 stride-1 padding-1 2-D convolution with even sizes");
        }
        this.staged = new StagedInput(shape.inC(), 1, shape.inH(), shape.inW(), 2, 0);
        this.rows = shape.outH() / 2;
        this.cols = shape.outW() / 2;
        this.positions = (rows - 1) * staged.rowStride + cols;
        this.blocks = Math.ceilDiv(positions, B);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                tile[r * 4 + c] = staged.tapOffset(0, r - 1, c - 1);
            }
        }
        int inC = shape.inC();
        int ocBlocks = Math.ceilDiv(shape.outC(), OB);
        this.elementStride = inC * B + 2 * ConvMicroKernel.LANES;
        for (int t = 0; t < 16; t++) {
            gemmOffsets[t] = new int[inC];
            for (int ic = 0; ic < inC; ic++) {
                gemmOffsets[t][ic] = t * elementStride + ic * B;
            }
            packed[t] = new float[ocBlocks * inC * OB];
        }
        float[] w = op.arrays()[1];
        for (int oc = 0; oc < shape.outC(); oc++) {
            for (int ic = 0; ic < inC; ic++) {
                double[] u = WinogradTransforms.kernel(w, (oc * inC + ic) * 9);
                for (int t = 0; t < 16; t++) {
                    packed[t][((oc / OB) * inC + ic) * OB + oc % OB] = (float) u[t];
                }
            }
        }
        this.bias = new float[ocBlocks * OB];
        System.arraycopy(op.arrays()[2], 0, bias, 0, shape.outC());
    }

    /** 3x3, stride 1, padding 1, 2-D, not transposed, even output sizes (whole 2x2 tiles). */
    static boolean supports(ConvShape s) {
        return !s.transposed() && s.kernelD() == 1 && s.inD() == 1 && s.kernel() == 3 && s.stride() == 1
                && s.pad() == 1 && s.outH() == s.inH() && s.outW() == s.inW() && s.outH() % 2 == 0
                && s.outW() % 2 == 0;
    }

    @Override
    public int scratchSize() {
        int maxTile = 0;
        for (int t : tile) {
            maxTile = Math.max(maxTile, t);
        }
        return Math.max(staged.size(), (shape.inC() - 1) * staged.channelStride + blocks * B + maxTile + 1);
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
        int inC = shape.inC();
        float[] v = new float[16 * elementStride];
        float[][] m = new float[16][OB * B + ConvMicroKernel.LANES];
        float[][] y = new float[4][B + ConvMicroKernel.LANES];
        OutputSegments seg = new OutputSegments();
        int volume = shape.outVolume();
        int ow = shape.outW();
        for (int blk = from; blk < to; blk++) {
            int q0 = blk * B;
            seg.fill(q0, positions, rows, cols, 2, 0, 0, staged, shape);
            for (int ic = 0; ic < inC; ic++) {
                WinogradTransforms.input(scratch, ic * staged.channelStride + q0, tile, v, ic * B, elementStride);
            }
            for (int ocb = 0; ocb * OB < shape.outC(); ocb++) {
                for (int t = 0; t < 16; t++) {
                    ConvMicroKernel.block(v, 0, gemmOffsets[t], packed[t], ocb * inC * OB, m[t]);
                }
                for (int o = 0; o < OB && ocb * OB + o < shape.outC(); o++) {
                    int oc = ocb * OB + o;
                    WinogradTransforms.output(m, o, y);
                    int resBase = shape.resOff() < 0 ? -1 : shape.resOff() + oc * volume;
                    int outBase = shape.outOff() + oc * volume;
                    // Row 2a gets Y[0][0], Y[0][1] interleaved; row 2a+1 gets Y[1][0], Y[1][1].
                    ConvStore.storeInterleaved(y[0], y[1], 0, seg, bias[oc], shape.act(), res, resBase, out, outBase);
                    ConvStore.storeInterleaved(y[2], y[3], 0, seg, bias[oc], shape.act(), res,
                            resBase < 0 ? -1 : resBase + ow, out, outBase + ow);
                }
            }
        }
    }
}
