package bgnet.kernels.device;

/**
 * Staging: input NC(D)HW at an offset → the zero-bordered, stride-phase layout of {@link StagedLayout}.
 * One staged element per call, each written exactly once (a value or a zero), so the launch needs no
 * clearing pass and work-items never conflict; consecutive i read consecutive source columns within
 * a phase row (contiguous for stride 1, every other element for stride 2).
 */
public final class StageKernels {
    public static final int IN_OFF = 0;
    public static final int CHANNELS = 1;
    public static final int DEPTH = 2;
    public static final int HEIGHT = 3;
    public static final int WIDTH = 4;
    public static final int STRIDE = 5;
    public static final int ZERO_PLANES = 6;
    public static final int PHASE_WIDTH = 7;
    public static final int ROW_STRIDE = 8;
    public static final int PLANE_STRIDE = 9;
    public static final int PHASE_SIZE = 10;
    public static final int CHANNEL_STRIDE = 11;
    public static final int LENGTH = 12;

    private StageKernels() {
    }

    /**
     * Staged element {@code i} of {@code staged} (flat index). Elements past the layout's size are written
     * as zeros, so a launch may be padded to whole work-groups (TornadoVM bounds a @Parallel loop that has
     * a grid by the grid, not by the loop's own bound).
     */
    public static void stage(float[] in, float[] staged, int[] p, int i) {
        int stride = p[STRIDE];
        int phaseSize = p[PHASE_SIZE];
        int rowStride = p[ROW_STRIDE];
        int planeStride = p[PLANE_STRIDE];
        int c = i / p[CHANNEL_STRIDE];
        int rest = i - c * p[CHANNEL_STRIDE];
        int phase = rest / phaseSize;
        rest = rest - phase * phaseSize;
        int plane = rest / planeStride;
        rest = rest - plane * planeStride;
        int row = rest / rowStride;
        int col = rest - row * rowStride;
        int py = phase / stride;
        int px = phase - py * stride;
        int d = plane - p[ZERO_PLANES];
        int y = (row - 1) * stride + py;
        int x = (col - 1) * stride + px;
        int height = p[HEIGHT];
        int width = p[WIDTH];
        float v = 0f;
        if (c < p[CHANNELS] && d >= 0 && d < p[DEPTH] && row >= 1 && y < height && col >= 1 && x < width) {
            v = in[p[IN_OFF] + ((c * p[DEPTH] + d) * height + y) * width + x];
        }
        staged[i] = v;
    }
}
