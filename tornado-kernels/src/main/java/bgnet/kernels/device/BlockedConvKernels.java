package bgnet.kernels.device;

import bgnet.kernels.Epilogue;

/**
 * The device tier's convolution, as plain Java: one work-item accumulates {@link #OC_BLOCK} output
 * channels × {@link #POS_BLOCK} consecutive output positions of one tap class over an input staged by
 * {@link StageKernels}, then stores them through the reference kernels' epilogue.
 *
 * <pre>
 * staged  [inC][stride²][planes][rows+1][cols+1]   zero halo: reads need no bounds checks
 * offsets [class][K]        staged offset of each (input channel, tap) from the position q
 * packed  [class][ocBlock][K][OC_BLOCK]            a block's weights contiguous per tap
 * bias    [ocBlocks * OC_BLOCK]                    zero-padded
 * out     NC(D)HW at outOff (+ residual at resOff): act(acc + bias) + res
 * </pre>
 *
 * Work-item (wi, blk): positions q = wi*POS_BLOCK .. +POS_BLOCK-1, with q = od*planeStride +
 * a*rowStride + b, along dimension 0, so neighbouring work-items read neighbouring staged elements
 * while all of them read the same weights (a broadcast); blk = class*ocBlocks + ocBlock is dimension 1.
 * Every work-item runs the same K iterations; positions past the class's grid (halo columns, the
 * padded tail) compute garbage from in-bounds reads and skip the store. A transposed convolution is
 * split by output parity into stride² classes (sub-pixel decomposition, see {@link BlockedConvPlan}),
 * so it too is a plain gather with contiguous reads. The summation order is the reference's (input
 * channel, then taps in kernel order; taps that fall on the zero halo add zeros).
 *
 * <p>This is the specification the device task ({@code bgnet.tornado.device.DeviceConvTasks.blocked})
 * implements with explicit vectors, and what the tests hold equal to the reference on the JVM in every
 * build. Run as it is on PoCL it stays scalar: PoCL vectorises neither across work-items nor within one.
 */
public final class BlockedConvKernels {
    /** Output channels per work-item. */
    public static final int OC_BLOCK = 8;
    /** Consecutive staged positions per work-item. */
    public static final int POS_BLOCK = 8;

    public static final int ACT = 0;
    public static final int OUT_OFF = 1;
    public static final int RES_OFF = 2;
    public static final int OUT_C = 3;
    public static final int OC_BLOCKS = 4;
    public static final int OUT_H = 5;
    public static final int OUT_W = 6;
    public static final int VOLUME = 7;
    public static final int ROW_STRIDE = 8;
    public static final int PLANE_STRIDE = 9;
    public static final int CLASSES = 10;
    /** First class record; each has {@link #CLASS_FIELDS} ints: */
    public static final int CLASS0 = 11;
    public static final int C_TAPS = 0;
    public static final int C_OFFSETS = 1;
    public static final int C_WEIGHTS = 2;
    public static final int C_ROWS = 3;
    public static final int C_COLS = 4;
    public static final int C_STEP = 5;
    public static final int C_PY = 6;
    public static final int C_PX = 7;
    public static final int C_POSITIONS = 8;
    public static final int CLASS_FIELDS = 9;

    private BlockedConvKernels() {
    }

    /** Work-item (wi, blk): {@link #OC_BLOCK} channels of block blk at positions [wi*POS_BLOCK, +POS_BLOCK). */
    public static void block(float[] staged, int[] offsets, float[] packed, float[] bias, float[] res, float[] out,
                             int[] p, int wi, int blk) {
        accumulate(staged, offsets, packed, out, p, wi, blk);
        finish(bias, res, out, p, wi, blk);
    }

    /**
     * The tap loop: an {@link #OC_BLOCK} × {@link #POS_BLOCK} block of sums in scalar locals (one
     * contiguous run of staged positions, which the device compiler turns into vector loads and
     * fused multiply-adds), written raw to the output. Split from {@link #finish} so that each half
     * stays under TornadoVM's inlining limit (600 nodes).
     */
    public static void accumulate(float[] staged, int[] offsets, float[] packed, float[] out, int[] p, int wi, int blk) {
        int ocBlocks = p[OC_BLOCKS];
        int cls = blk / ocBlocks;
        int ocb = blk - cls * ocBlocks;
        int rec = CLASS0 + cls * CLASS_FIELDS;
        int taps = p[rec + C_TAPS];
        int ob = p[rec + C_OFFSETS];
        int wb = p[rec + C_WEIGHTS] + ocb * taps * OC_BLOCK;
        int q0 = wi * POS_BLOCK;
        float a00 = 0f;
        float a01 = 0f;
        float a02 = 0f;
        float a03 = 0f;
        float a04 = 0f;
        float a05 = 0f;
        float a06 = 0f;
        float a07 = 0f;
        float a10 = 0f;
        float a11 = 0f;
        float a12 = 0f;
        float a13 = 0f;
        float a14 = 0f;
        float a15 = 0f;
        float a16 = 0f;
        float a17 = 0f;
        float a20 = 0f;
        float a21 = 0f;
        float a22 = 0f;
        float a23 = 0f;
        float a24 = 0f;
        float a25 = 0f;
        float a26 = 0f;
        float a27 = 0f;
        float a30 = 0f;
        float a31 = 0f;
        float a32 = 0f;
        float a33 = 0f;
        float a34 = 0f;
        float a35 = 0f;
        float a36 = 0f;
        float a37 = 0f;
        float a40 = 0f;
        float a41 = 0f;
        float a42 = 0f;
        float a43 = 0f;
        float a44 = 0f;
        float a45 = 0f;
        float a46 = 0f;
        float a47 = 0f;
        float a50 = 0f;
        float a51 = 0f;
        float a52 = 0f;
        float a53 = 0f;
        float a54 = 0f;
        float a55 = 0f;
        float a56 = 0f;
        float a57 = 0f;
        float a60 = 0f;
        float a61 = 0f;
        float a62 = 0f;
        float a63 = 0f;
        float a64 = 0f;
        float a65 = 0f;
        float a66 = 0f;
        float a67 = 0f;
        float a70 = 0f;
        float a71 = 0f;
        float a72 = 0f;
        float a73 = 0f;
        float a74 = 0f;
        float a75 = 0f;
        float a76 = 0f;
        float a77 = 0f;
        for (int j = 0; j < taps; j++) {
            int s = offsets[ob + j] + q0;
            int w = wb + j * OC_BLOCK;
            float v0 = staged[s];
            float v1 = staged[s + 1];
            float v2 = staged[s + 2];
            float v3 = staged[s + 3];
            float v4 = staged[s + 4];
            float v5 = staged[s + 5];
            float v6 = staged[s + 6];
            float v7 = staged[s + 7];
            float w0 = packed[w];
            float w1 = packed[w + 1];
            float w2 = packed[w + 2];
            float w3 = packed[w + 3];
            float w4 = packed[w + 4];
            float w5 = packed[w + 5];
            float w6 = packed[w + 6];
            float w7 = packed[w + 7];
            a00 += w0 * v0;
            a01 += w0 * v1;
            a02 += w0 * v2;
            a03 += w0 * v3;
            a04 += w0 * v4;
            a05 += w0 * v5;
            a06 += w0 * v6;
            a07 += w0 * v7;
            a10 += w1 * v0;
            a11 += w1 * v1;
            a12 += w1 * v2;
            a13 += w1 * v3;
            a14 += w1 * v4;
            a15 += w1 * v5;
            a16 += w1 * v6;
            a17 += w1 * v7;
            a20 += w2 * v0;
            a21 += w2 * v1;
            a22 += w2 * v2;
            a23 += w2 * v3;
            a24 += w2 * v4;
            a25 += w2 * v5;
            a26 += w2 * v6;
            a27 += w2 * v7;
            a30 += w3 * v0;
            a31 += w3 * v1;
            a32 += w3 * v2;
            a33 += w3 * v3;
            a34 += w3 * v4;
            a35 += w3 * v5;
            a36 += w3 * v6;
            a37 += w3 * v7;
            a40 += w4 * v0;
            a41 += w4 * v1;
            a42 += w4 * v2;
            a43 += w4 * v3;
            a44 += w4 * v4;
            a45 += w4 * v5;
            a46 += w4 * v6;
            a47 += w4 * v7;
            a50 += w5 * v0;
            a51 += w5 * v1;
            a52 += w5 * v2;
            a53 += w5 * v3;
            a54 += w5 * v4;
            a55 += w5 * v5;
            a56 += w5 * v6;
            a57 += w5 * v7;
            a60 += w6 * v0;
            a61 += w6 * v1;
            a62 += w6 * v2;
            a63 += w6 * v3;
            a64 += w6 * v4;
            a65 += w6 * v5;
            a66 += w6 * v6;
            a67 += w6 * v7;
            a70 += w7 * v0;
            a71 += w7 * v1;
            a72 += w7 * v2;
            a73 += w7 * v3;
            a74 += w7 * v4;
            a75 += w7 * v5;
            a76 += w7 * v6;
            a77 += w7 * v7;
        }
        int oc = ocb * OC_BLOCK;
        storeRaw(out, p, rec, q0 + 0, oc, a00, a10, a20, a30, a40, a50, a60, a70);
        storeRaw(out, p, rec, q0 + 1, oc, a01, a11, a21, a31, a41, a51, a61, a71);
        storeRaw(out, p, rec, q0 + 2, oc, a02, a12, a22, a32, a42, a52, a62, a72);
        storeRaw(out, p, rec, q0 + 3, oc, a03, a13, a23, a33, a43, a53, a63, a73);
        storeRaw(out, p, rec, q0 + 4, oc, a04, a14, a24, a34, a44, a54, a64, a74);
        storeRaw(out, p, rec, q0 + 5, oc, a05, a15, a25, a35, a45, a55, a65, a75);
        storeRaw(out, p, rec, q0 + 6, oc, a06, a16, a26, a36, a46, a56, a66, a76);
        storeRaw(out, p, rec, q0 + 7, oc, a07, a17, a27, a37, a47, a57, a67, a77);
    }

    /** Raw sums of channels oc..oc+7 at position q, where q is an output and the channels exist. */
    public static void storeRaw(float[] out, int[] p, int rec, int q, int oc, float a0, float a1, float a2,
                                 float a3, float a4, float a5, float a6, float a7) {
        int idx = outputIndex(p, rec, q);
        if (idx >= 0) {
            int volume = p[VOLUME];
            int outC = p[OUT_C];
            int at = p[OUT_OFF] + oc * volume + idx;
            if (oc < outC) {
                out[at] = a0;
            }
            if (oc + 1 < outC) {
                out[at + volume] = a1;
            }
            if (oc + 2 < outC) {
                out[at + 2 * volume] = a2;
            }
            if (oc + 3 < outC) {
                out[at + 3 * volume] = a3;
            }
            if (oc + 4 < outC) {
                out[at + 4 * volume] = a4;
            }
            if (oc + 5 < outC) {
                out[at + 5 * volume] = a5;
            }
            if (oc + 6 < outC) {
                out[at + 6 * volume] = a6;
            }
            if (oc + 7 < outC) {
                out[at + 7 * volume] = a7;
            }
        }
    }

    /** The reference kernels' store on the raw sums {@link #accumulate} left: act(sum + bias) + residual. */
    public static void finish(float[] bias, float[] res, float[] out, int[] p, int wi, int blk) {
        int ocBlocks = p[OC_BLOCKS];
        int cls = blk / ocBlocks;
        int ocb = blk - cls * ocBlocks;
        int rec = CLASS0 + cls * CLASS_FIELDS;
        int volume = p[VOLUME];
        int outOff = p[OUT_OFF];
        int end = Math.min(p[OUT_C], (ocb + 1) * OC_BLOCK);
        for (int r = 0; r < POS_BLOCK; r++) {
            int idx = outputIndex(p, rec, wi * POS_BLOCK + r);
            if (idx >= 0) {
                for (int oc = ocb * OC_BLOCK; oc < end; oc++) {
                    int i = oc * volume + idx;
                    Epilogue.store(out[outOff + i] + bias[oc], p[ACT], res, p[RES_OFF], out, outOff, i);
                }
            }
        }
    }

    /**
     * Index within one output channel of position q of class record {@code rec}, or -1 when q is a
     * halo column, a row past the grid or beyond the class's positions.
     */
    public static int outputIndex(int[] p, int rec, int q) {
        int planeStride = p[PLANE_STRIDE];
        int rowStride = p[ROW_STRIDE];
        int od = q / planeStride;
        int r = q - od * planeStride;
        int a = r / rowStride;
        int b = r - a * rowStride;
        int idx = -1;
        if (q < p[rec + C_POSITIONS] && a < p[rec + C_ROWS] && b < p[rec + C_COLS]) {
            int step = p[rec + C_STEP];
            int outH = p[OUT_H];
            int outW = p[OUT_W];
            idx = (od * outH + a * step + p[rec + C_PY]) * outW + b * step + p[rec + C_PX];
        }
        return idx;
    }
}
