package bgnet.kernels.device;

/**
 * Host-side preparation of a 3x3 (2-D) or 3x3x3 (3-D) stride-1 padding-1 convolution for the device
 * tier's Winograd kernel ({@link Winograd}'s F(2x2, 3x3) over height and width; a 3-D one sums its three
 * depth taps directly, as the JVM's does), done once when the network is planned. Its input is staged
 * exactly as the blocked convolution stages it ({@link StagedLayout}, stride 1: one zero column before
 * each row, one zero row before each plane, a zero plane at each end in 3-D, two zero rows at the end),
 * so output tile (od, a, b) — outputs (od, 2a..2a+1, 2b..2b+1) — reads the 4x4 input tile of depth tap
 * kd at staged offsets {@code q + kd*planeStride + r*rowStride + c} from
 * {@code q = od*planeStride + 2a*rowStride + 2b}, r, c in 0..3, with no bounds checks (a tile's last row
 * and column overhang onto the next plane's zero row and the next row's zero column).
 *
 * <pre>
 * params   {@link #ACT} .. {@link #LENGTH}
 * u        [ocBlock16][inC * depthTaps][16 products][16 channels]   U = G g Gᵀ, zero padded
 * bias     [ocBlocks16 * 16]                           zero padded
 * launch   (tile in [0, tiles) padded, ocBlock16 in [0, ocBlocks16))
 * </pre>
 */
public final class WinogradPlan {
    public static final int ACT = 0;
    public static final int OUT_OFF = 1;
    public static final int RES_OFF = 2;
    public static final int OUT_C = 3;
    public static final int IN_C = 4;
    public static final int OUT_W = 5;
    public static final int VOLUME = 6;
    public static final int TILES_W = 7;
    public static final int TILES = 8;
    public static final int ROW_STRIDE = 9;
    public static final int CHANNEL_STRIDE = 10;
    /** Depth taps summed directly: 1 (2-D) or 3 (3-D). */
    public static final int DEPTH_TAPS = 11;
    public static final int PLANE_STRIDE = 12;
    /** Tiles per depth plane. */
    public static final int TILES_PLANE = 13;
    public static final int OUT_H = 14;
    public static final int LENGTH = 15;
    /** Output channels per work-item: one 16-wide vector. */
    public static final int OC_BLOCK = 16;

    private final ConvGeometry shape;
    private final StagedLayout staged;
    private final int[] params;
    private final float[] u;
    private final float[] bias;

    private WinogradPlan(ConvGeometry shape, StagedLayout staged, int[] params, float[] u, float[] bias) {
        this.shape = shape;
        this.staged = staged;
        this.params = params;
        this.u = u;
        this.bias = bias;
    }

    /**
     * Whether the Winograd kernel serves {@code s}: 3x3 (2-D) or 3x3x3 with depth padding 1 (3-D), stride 1,
     * padding 1, same size, even height and width.
     */
    public static boolean supports(ConvGeometry s) {
        boolean depth = s.kernelD() == 1 && s.inD() == 1 || s.kernelD() == 3 && s.padD() == 1;
        return depth && !s.transposed() && s.kernel() == 3 && s.stride() == 1 && s.pad() == 1
                && s.outD() == s.inD() && s.outH() == s.inH() && s.outW() == s.inW() && s.outH() % 2 == 0
                && s.outW() % 2 == 0;
    }

    /**
     * Plans {@code s} with its weights [outC][inC][3][3] and folded bias [outC].
     *
     * @throws IllegalArgumentException when {@link #supports} does not hold
     */
    public static WinogradPlan of(ConvGeometry s, float[] weight, float[] bias) {
        if (!supports(s)) {
            throw new IllegalArgumentException("Winograd F(2x2,3x3) needs a 3x3(x3) stride-1 padding-1 convolution"
                    + " with even output sizes, got " + s);
        }
        int depthTaps = s.kernelD();
        StagedLayout in = new StagedLayout(s.inC(), s.inD(), s.inH(), s.inW(), 1, depthTaps == 3 ? 1 : 0);
        int blocks = Math.ceilDiv(s.outC(), OC_BLOCK);
        int[] p = new int[LENGTH];
        p[ACT] = s.act();
        p[OUT_OFF] = s.outOff();
        p[RES_OFF] = s.resOff();
        p[OUT_C] = s.outC();
        p[IN_C] = s.inC();
        p[OUT_W] = s.outW();
        p[VOLUME] = s.outVolume();
        p[TILES_W] = s.outW() / 2;
        p[TILES_PLANE] = s.outH() / 2 * (s.outW() / 2);
        p[TILES] = s.outD() * p[TILES_PLANE];
        p[ROW_STRIDE] = in.rowStride;
        p[CHANNEL_STRIDE] = in.channelStride;
        p[DEPTH_TAPS] = depthTaps;
        p[PLANE_STRIDE] = in.planeStride;
        p[OUT_H] = s.outH();
        int k = s.inC() * depthTaps;
        float[] u = new float[blocks * k * 16 * OC_BLOCK];
        for (int oc = 0; oc < s.outC(); oc++) {
            for (int j = 0; j < k; j++) {
                // Weight layout [oc][ic][kd][3][3] (kd absent in 2-D): the 3x3 slice of (ic, kd) = j.
                double[] t = Winograd.kernel(weight, (oc * k + j) * 9);
                for (int e = 0; e < 16; e++) {
                    u[(((oc / OC_BLOCK) * k + j) * 16 + e) * OC_BLOCK + oc % OC_BLOCK] = (float) t[e];
                }
            }
        }
        float[] padded = new float[blocks * OC_BLOCK];
        System.arraycopy(bias, 0, padded, 0, s.outC());
        return new WinogradPlan(s, in, p, u, padded);
    }

    public ConvGeometry shape() {
        return shape;
    }

    /** The staged input's layout (the blocked convolution's, stride 1). */
    public StagedLayout stagedLayout() {
        return staged;
    }

    /** {@link StageParams} parameters of the staging launch. */
    public int[] stageParams() {
        return staged.params(shape.inOff());
    }

    public int[] params() {
        return params;
    }

    /** Transformed weights [ocBlock16][inC * depthTaps][16][16]. */
    public float[] transformedWeights() {
        return u;
    }

    public float[] paddedBias() {
        return bias;
    }

    /** Output tiles of 2x2: dimension 0 of the launch. */
    public int tiles() {
        return params[TILES];
    }

    /** Dimension 1 of the launch: blocks of 16 output channels. */
    public int blocks() {
        return bias.length / OC_BLOCK;
    }

    /** Staged floats the kernel may read (the staging writes all of them). */
    public int stagedLength() {
        return staged.size();
    }
}
