package bgnet.kernels.device;

/**
 * Staging: input NC(D)HW at an offset → the zero-bordered, stride-phase layout of {@link StagedLayout}.
 * One staged row per call: its leading zero, the input row's elements of that column phase (contiguous
 * for stride 1, every other one for stride 2) and zeros to the end; rows of zero planes, zero rows and
 * the tail are all zeros. Every staged element is written exactly once, so no clearing pass is needed.
 * The row decode (a few divisions) is paid once per row, not per element.
 */
public final class StageKernels {
    public static final int IN_OFF = 0;
    public static final int CHANNELS = 1;
    public static final int DEPTH = 2;
    public static final int HEIGHT = 3;
    public static final int WIDTH = 4;
    public static final int STRIDE = 5;
    public static final int ZERO_PLANES = 6;
    public static final int PHASE_HEIGHT = 7;
    public static final int ROW_STRIDE = 8;
    public static final int ROWS_PER_PHASE = 9;
    public static final int ROWS = 10;
    public static final int LENGTH = 11;

    private StageKernels() {
    }

    /**
     * Staged row {@code row} (0 ≤ row < {@link StagedLayout#rows()}); rows past the end do nothing, so a
     * launch may be padded to whole work-groups (TornadoVM bounds a @Parallel loop that has a grid by the
     * grid, not by the loop's own bound).
     */
    public static void stageRow(float[] in, float[] staged, int[] p, int row) {
        if (row < p[ROWS]) {
            int stride = p[STRIDE];
            int rowStride = p[ROW_STRIDE];
            int perPhase = p[ROWS_PER_PHASE];
            int planeRows = p[PHASE_HEIGHT] + 1;
            int phase = row / perPhase;
            int r = row - phase * perPhase;
            int c = phase / (stride * stride);
            int ph = phase - c * stride * stride;
            int py = ph / stride;
            int px = ph - py * stride;
            int plane = r / planeRows;
            int rr = r - plane * planeRows;
            int d = plane - p[ZERO_PLANES];
            int y = (rr - 1) * stride + py;
            int width = p[WIDTH];
            int base = row * rowStride;
            int count = 0;
            if (rr >= 1 && d >= 0 && d < p[DEPTH] && y < p[HEIGHT] && px < width) {
                count = (width - px + stride - 1) / stride;
            }
            int src = p[IN_OFF] + ((c * p[DEPTH] + d) * p[HEIGHT] + y) * width + px;
            staged[base] = 0f;
            for (int xx = 0; xx < count; xx++) {
                staged[base + 1 + xx] = in[src + xx * stride];
            }
            for (int col = count + 1; col < rowStride; col++) {
                staged[base + col] = 0f;
            }
        }
    }
}
