package bgnet.kernels;

/** The element-wise steps of BGNet+'s refinement network (its convolutions use {@link Conv2dKernels}). */
public final class RefinementKernels {
    public static final int H = 0;
    public static final int W = 1;
    public static final int LENGTH = 2;

    private RefinementKernels() {
    }

    public static int[] params(int h, int w) {
        return new int[] {h, w};
    }

    public static int size(int[] p) {
        return p[H] * p[W];
    }

    /**
     * Warps the right half-image by the disparity and writes {@code cat(warped - left, left)} into
     * {@code out} [2][H][W]: {@code xr = x - disp}; the source column is {@code clamp(xr, 0, W-1)}
     * truncated (no interpolation, as upstream's {@code .long()}); 0 where xr falls outside [0, W-1].
     */
    public static void warpDifference(float[] disp, float[] left, float[] right, float[] out, int[] p, int i) {
        int w = p[W];
        int plane = p[H] * w;
        int y = i / w;
        int x = i - y * w;
        float xr = (float) x - disp[i];
        float clamped = Math.min(Math.max(xr, 0f), (float) (w - 1));
        int src = (int) clamped;
        float warped = 0f;
        if (xr >= 0f && xr <= (float) (w - 1)) {
            warped = right[y * w + src];
        }
        out[i] = warped - left[i];
        out[plane + i] = left[i];
    }

    /** {@code out = relu(a + b)}: the refined disparity from the coarse one and the predicted residual. */
    public static void reluAdd(float[] a, float[] b, float[] out, int[] p, int i) {
        float v = a[i] + b[i];
        out[i] = v > 0f ? v : 0f;
    }
}
