package bgnet.kernels;

/**
 * Group-wise correlation volume: {@code V[g][d][y][x] = mean over the 8 channels c of group g of
 * L[c][y][x] * R[c][y][x-d]} for x >= d, else 0. Groups are consecutive channel runs of the
 * concatenated feature (feat0..feat4).
 */
public final class CostVolumeKernels {
    public static final int CHANNELS = 0;
    public static final int GROUPS = 1;
    public static final int DISPARITIES = 2;
    public static final int H = 3;
    public static final int W = 4;
    public static final int LENGTH = 5;

    private CostVolumeKernels() {
    }

    public static int[] params(int channels, int groups, int disparities, int h, int w) {
        return new int[] {channels, groups, disparities, h, w};
    }

    public static int size(int[] p) {
        return p[GROUPS] * p[DISPARITIES] * p[H] * p[W];
    }

    public static void groupwiseCorrelation(float[] left, float[] right, float[] out, int[] p, int i) {
        int h = p[H];
        int w = p[W];
        int disparities = p[DISPARITIES];
        int plane = h * w;
        int vol = disparities * plane;
        int g = i / vol;
        int rest = i - g * vol;
        int d = rest / plane;
        rest = rest - d * plane;
        int y = rest / w;
        int x = rest - y * w;
        int perGroup = p[CHANNELS] / p[GROUPS];
        float v = 0f;
        if (x >= d) {
            float sum = 0f;
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                int row = c * plane + y * w;
                sum += left[row + x] * right[row + x - d];
            }
            v = sum / (float) perGroup;
        }
        out[i] = v;
    }
}
