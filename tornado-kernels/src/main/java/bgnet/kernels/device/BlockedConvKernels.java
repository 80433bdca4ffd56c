package bgnet.kernels.device;

import bgnet.kernels.Epilogue;

/**
 * The device tier's convolution: one work-item accumulates {@link #OC_BLOCK} output channels at one
 * output position of one tap class, in scalar locals, over an input staged by {@link StageKernels}.
 *
 * <pre>
 * staged  [inC][stride²][planes][rows+1][cols+1]   zero halo: reads need no bounds checks
 * offsets [class][K]        staged offset of each (input channel, tap) from the position q
 * packed  [class][ocBlock][K][OC_BLOCK]            a block's weights contiguous per tap
 * bias    [ocBlocks * OC_BLOCK]                    zero-padded
 * out     NC(D)HW at outOff (+ residual at resOff): act(acc + bias) + res
 * </pre>
 *
 * Work-item (q, blk): q = od*planeStride + a*rowStride + b is dimension 0, so neighbouring work-items
 * read neighbouring staged elements (coalesced on a GPU, one vector load across work-items on PoCL)
 * while the weights they read are the same for the whole group (a broadcast). blk = class*ocBlocks +
 * ocBlock is dimension 1. Every work-item runs the same K iterations; positions past the class's
 * grid (halo columns, the padded tail) compute garbage from in-bounds reads and skip the store.
 * A transposed convolution is split by output parity into stride² classes (sub-pixel
 * decomposition, see {@link BlockedConvPlan}), so it too is a plain gather with contiguous reads.
 */
public final class BlockedConvKernels {
    /** Output channels per work-item. */
    public static final int OC_BLOCK = 8;

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

    /** Work-item (q, blk): {@link #OC_BLOCK} channels of block blk at position q. */
    public static void block(float[] staged, int[] offsets, float[] packed, float[] bias, float[] res, float[] out,
                             int[] p, int q, int blk) {
        int ocBlocks = p[OC_BLOCKS];
        int cls = blk / ocBlocks;
        int ocb = blk - cls * ocBlocks;
        int rec = CLASS0 + cls * CLASS_FIELDS;
        int taps = p[rec + C_TAPS];
        int ob = p[rec + C_OFFSETS];
        int wb = p[rec + C_WEIGHTS] + ocb * taps * OC_BLOCK;
        float a0 = 0f;
        float a1 = 0f;
        float a2 = 0f;
        float a3 = 0f;
        float a4 = 0f;
        float a5 = 0f;
        float a6 = 0f;
        float a7 = 0f;
        for (int j = 0; j < taps; j++) {
            float v = staged[offsets[ob + j] + q];
            int w = wb + j * OC_BLOCK;
            a0 += packed[w] * v;
            a1 += packed[w + 1] * v;
            a2 += packed[w + 2] * v;
            a3 += packed[w + 3] * v;
            a4 += packed[w + 4] * v;
            a5 += packed[w + 5] * v;
            a6 += packed[w + 6] * v;
            a7 += packed[w + 7] * v;
        }
        int idx = outputIndex(p, rec, q);
        if (idx >= 0) {
            int oc = ocb * OC_BLOCK;
            int volume = p[VOLUME];
            int act = p[ACT];
            int resOff = p[RES_OFF];
            int outOff = p[OUT_OFF];
            int outC = p[OUT_C];
            Epilogue.store(a0 + bias[oc], act, res, resOff, out, outOff, oc * volume + idx);
            if (oc + 1 < outC) {
                Epilogue.store(a1 + bias[oc + 1], act, res, resOff, out, outOff, (oc + 1) * volume + idx);
            }
            if (oc + 2 < outC) {
                Epilogue.store(a2 + bias[oc + 2], act, res, resOff, out, outOff, (oc + 2) * volume + idx);
            }
            if (oc + 3 < outC) {
                Epilogue.store(a3 + bias[oc + 3], act, res, resOff, out, outOff, (oc + 3) * volume + idx);
            }
            if (oc + 4 < outC) {
                Epilogue.store(a4 + bias[oc + 4], act, res, resOff, out, outOff, (oc + 4) * volume + idx);
            }
            if (oc + 5 < outC) {
                Epilogue.store(a5 + bias[oc + 5], act, res, resOff, out, outOff, (oc + 5) * volume + idx);
            }
            if (oc + 6 < outC) {
                Epilogue.store(a6 + bias[oc + 6], act, res, resOff, out, outOff, (oc + 6) * volume + idx);
            }
            if (oc + 7 < outC) {
                Epilogue.store(a7 + bias[oc + 7], act, res, resOff, out, outOff, (oc + 7) * volume + idx);
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
