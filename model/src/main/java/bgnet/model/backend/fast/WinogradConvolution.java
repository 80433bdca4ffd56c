package bgnet.model.backend.fast;

import bgnet.model.backend.ParallelLoop;
import bgnet.model.backend.TensorArrays;
import bgnet.model.network.Conv;

/**
 * A 3x3 (2-D) or 3x3x3 (3-D) stride-1 padding-1 convolution by Winograd's F(2x2, 3x3) over height and
 * width: 2.25 times fewer multiplies; a 3-D one sums the three depth taps directly. The input is staged
 * as for a stride-2 convolution (2x2 phases), so output tile (od, a, b) — outputs (od, 2a..2a+1,
 * 2b..2b+1) — reads its 4x4 input tile of depth plane od+kd-1 at 16 constant offsets from position
 * q(od, a, b). Per block of positions: the input tiles of every (channel, depth tap) are transformed
 * into a small per-thread buffer, the 16 products are 16 sums over (channel, depth tap) run by
 * {@link ConvMicroKernel}, and each output channel's 2x2 tiles are transformed back and stored, fused
 * with bias, activation and residual. The summation order differs from the shared kernel's, so results
 * differ by rounding (~1e-6 relative).
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
    /** Depth taps summed directly: 1 (2-D) or 3 (3-D). */
    private final int depthTaps;
    /** Per depth tap, staged offsets of the 16 elements of an output tile's input tile, d[r][c] at [r*4 + c]. */
    private final int[][] tile;
    /** For product t, the read offset of (channel ic, depth tap kd) in the transformed block: t*elementStride + j*BLOCK, j = ic*depthTaps + kd. */
    private final int[][] gemmOffsets = new int[16][];
    /**
     * Distance between the 16 transformed elements in the per-thread block: inC*depthTaps*BLOCK plus 100
     * floats, so that the 16 stores of one transform step do not land in one L1 set (a multiple of
     * 4 KiB made the transform 3x slower in a micro-benchmark).
     */
    private final int elementStride;
    /** For product t, U[t] packed as [output-channel block][input channel][channel in block]. */
    private final float[][] packed = new float[16][];
    private final float[] bias;

    private final float[] input;
    private final float[] residual;
    private final float[] output;

    public WinogradConvolution(Conv op, TensorArrays buffers) {
        this.shape = ConvShape.of(op);
        this.input = buffers.of(op.in().tensor());
        this.residual = ConvShape.residual(op, buffers);
        this.output = buffers.of(op.out().tensor());
        if (!supports(shape)) {
            throw new IllegalArgumentException("not a 3x3(x3) stride-1 padding-1 convolution with even sizes");
        }
        this.depthTaps = shape.kernelD();
        this.staged = new StagedInput(shape.inC(), shape.inD(), shape.inH(), shape.inW(), 2, depthTaps == 3 ? 1 : 0);
        this.rows = shape.outH() / 2;
        this.cols = shape.outW() / 2;
        this.positions = (shape.outD() - 1) * staged.planeStride + (rows - 1) * staged.rowStride + cols;
        this.blocks = Math.ceilDiv(positions, B);
        this.tile = new int[depthTaps][16];
        for (int kd = 0; kd < depthTaps; kd++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    tile[kd][r * 4 + c] = staged.tapOffset(kd - shape.padD(), r - 1, c - 1);
                }
            }
        }
        int inC = shape.inC();
        int k = inC * depthTaps;
        int ocBlocks = Math.ceilDiv(shape.outC(), OB);
        this.elementStride = k * B + 100;
        for (int t = 0; t < 16; t++) {
            gemmOffsets[t] = new int[k];
            for (int j = 0; j < k; j++) {
                gemmOffsets[t][j] = t * elementStride + j * B;
            }
            packed[t] = new float[ocBlocks * k * OB];
        }
        float[] w = op.weights().weight();
        for (int oc = 0; oc < shape.outC(); oc++) {
            for (int j = 0; j < k; j++) {
                // Weight layout [oc][ic][kd][3][3] (kd absent in 2-D): the 3x3 slice of (ic, kd) = j.
                double[] u = WinogradTransforms.kernel(w, (oc * k + j) * 9);
                for (int t = 0; t < 16; t++) {
                    packed[t][((oc / OB) * k + j) * OB + oc % OB] = (float) u[t];
                }
            }
        }
        this.bias = new float[ocBlocks * OB];
        System.arraycopy(op.weights().bias(), 0, bias, 0, shape.outC());
    }

    /**
     * 3x3 (2-D) or 3x3x3 (3-D, at most 64 input channels: the transformed block must stay in L2),
     * stride 1, padding 1, not transposed, even output sizes (whole 2x2 tiles).
     */
    static boolean supports(ConvShape s) {
        boolean depth = s.kernelD() == 1 && s.inD() == 1 || s.kernelD() == 3 && s.padD() == 1 && s.inC() <= 64;
        return depth && !s.transposed() && s.kernel() == 3 && s.stride() == 1 && s.pad() == 1
                && s.outD() == s.inD() && s.outH() == s.inH() && s.outW() == s.inW() && s.outH() % 2 == 0
                && s.outW() % 2 == 0;
    }

    @Override
    public int scratchSize() {
        int maxTile = 0;
        for (int[] offsets : tile) {
            for (int t : offsets) {
                maxTile = Math.max(maxTile, t);
            }
        }
        return Math.max(staged.size(), (shape.inC() - 1) * staged.channelStride + blocks * B + maxTile + 1);
    }

    @Override
    public void run(float[] scratch, ParallelLoop loop) {
        float[] in = input;
        float[] res = residual;
        float[] out = output;
        loop.forRange(staged.units(), (lo, hi) -> staged.stage(in, shape.inOff(), scratch, lo, hi));
        loop.forRange(blocks, (lo, hi) -> compute(scratch, res, out, lo, hi));
    }

    private void compute(float[] scratch, float[] res, float[] out, int from, int to) {
        int inC = shape.inC();
        float[] v = new float[16 * elementStride];
        int k = inC * depthTaps;
        float[][] m = new float[16][OB * B + ConvMicroKernel.LANES];
        float[][] y = new float[4][B + ConvMicroKernel.LANES];
        OutputSegments seg = new OutputSegments();
        int volume = shape.outVolume();
        int ow = shape.outW();
        for (int blk = from; blk < to; blk++) {
            int q0 = blk * B;
            seg.fill(q0, positions, rows, cols, 2, 0, 0, staged, shape);
            for (int ic = 0; ic < inC; ic++) {
                for (int kd = 0; kd < depthTaps; kd++) {
                    WinogradTransforms.input(scratch, ic * staged.channelStride + q0, tile[kd], v,
                            (ic * depthTaps + kd) * B, elementStride);
                }
            }
            for (int ocb = 0; ocb * OB < shape.outC(); ocb++) {
                for (int t = 0; t < 16; t++) {
                    ConvMicroKernel.block(v, 0, gemmOffsets[t], packed[t], ocb * k * OB, m[t]);
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
