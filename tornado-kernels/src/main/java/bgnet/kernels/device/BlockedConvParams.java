package bgnet.kernels.device;

/**
 * The int parameters of the device tier's blocked convolution, as {@link BlockedConvPlan} lays them out
 * and the device kernels ({@code bgnet.tornado.device.DeviceConvTasks}) read them: one work-item
 * accumulates {@link #OC_BLOCK} output channels × {@link #POS_BLOCK} consecutive output positions of
 * one tap class over an input staged by the staging kernel ({@link StageParams}).
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
 * a*rowStride + b, along dimension 0; blk = class*ocBlocks + ocBlock is dimension 1. Positions past
 * the class's grid (halo columns, the padded tail) compute garbage from in-bounds reads and skip the
 * store ({@link #outputIndex}). A transposed convolution is split by output parity into stride²
 * classes (sub-pixel decomposition, see {@link BlockedConvPlan}). The summation order is the
 * reference's (input channel, then taps in kernel order; taps on the zero halo add zeros).
 */
public final class BlockedConvParams {
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

    private BlockedConvParams() {
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
