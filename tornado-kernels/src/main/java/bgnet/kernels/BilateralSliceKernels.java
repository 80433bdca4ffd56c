package bgnet.kernels;

/**
 * Slicing the bilateral grid and disparity regression, fused per half-resolution pixel so the
 * 97-level cost volume is never materialised.
 *
 * <p>The grid is the hourglass output in its native layout [bins=32][planes=25][gridH][gridW]
 * (PyTorch permutes it to [planes][bins][..] first; reading it in place saves that copy).
 * Plane {@code i} is sampled like PyTorch's {@code grid_sample} (trilinear, align_corners=False,
 * zero padding) at {@code gx = x/(W2-1)*2-1, gy = y/(H2-1)*2-1} (the align-corners=True style
 * formula, kept on purpose) and {@code gz = guide[y][x]}.
 */
public final class BilateralSliceKernels {
    public static final int PLANES = 0;
    public static final int BINS = 1;
    public static final int GRID_H = 2;
    public static final int GRID_W = 3;
    public static final int H2 = 4;
    public static final int W2 = 5;
    /** 97 = 4 * 24 + 1 half-resolution disparity levels. */
    public static final int LEVELS = 6;
    /** 1: also write the confidence (the largest softmax probability) per pixel; 0: the disparity only. */
    public static final int CONFIDENCE = 7;
    public static final int LENGTH = 8;

    private BilateralSliceKernels() {
    }

    /** Parameters of the disparity-only kernel. */
    public static int[] params(int planes, int bins, int gridH, int gridW, int h2, int w2, int levels) {
        return params(planes, bins, gridH, gridW, h2, w2, levels, false);
    }

    public static int[] params(int planes, int bins, int gridH, int gridW, int h2, int w2, int levels,
                               boolean confidence) {
        return new int[] {planes, bins, gridH, gridW, h2, w2, levels, confidence ? 1 : 0};
    }

    public static int size(int[] p) {
        return p[H2] * p[W2];
    }

    /** S[plane][y][x]: the grid plane sampled at half-resolution pixel (x, y). */
    public static float sliceAt(float[] grid, float[] guide, int[] p, int plane, int y, int x) {
        int planes = p[PLANES];
        int bins = p[BINS];
        int gh = p[GRID_H];
        int gw = p[GRID_W];
        int h2 = p[H2];
        int w2 = p[W2];
        float ix = unnormalize(normalized(x, w2), gw);
        float iy = unnormalize(normalized(y, h2), gh);
        float iz = unnormalize(guide[y * w2 + x], bins);
        int x0 = floorToInt(ix);
        int y0 = floorToInt(iy);
        int z0 = floorToInt(iz);
        float wx1 = ix - (float) x0;
        float wx0 = (float) (x0 + 1) - ix;
        float wy1 = iy - (float) y0;
        float wy0 = (float) (y0 + 1) - iy;
        float wz1 = iz - (float) z0;
        float wz0 = (float) (z0 + 1) - iz;
        int binStride = planes * gh * gw;
        int base = plane * gh * gw;
        // PyTorch's order: t/b = z0/z1, n/s = y0/y1, w/e = x0/x1.
        float v = 0f;
        v += tap(grid, base, binStride, gh, gw, bins, z0, y0, x0, wx0 * wy0 * wz0);
        v += tap(grid, base, binStride, gh, gw, bins, z0, y0, x0 + 1, wx1 * wy0 * wz0);
        v += tap(grid, base, binStride, gh, gw, bins, z0, y0 + 1, x0, wx0 * wy1 * wz0);
        v += tap(grid, base, binStride, gh, gw, bins, z0, y0 + 1, x0 + 1, wx1 * wy1 * wz0);
        v += tap(grid, base, binStride, gh, gw, bins, z0 + 1, y0, x0, wx0 * wy0 * wz1);
        v += tap(grid, base, binStride, gh, gw, bins, z0 + 1, y0, x0 + 1, wx1 * wy0 * wz1);
        v += tap(grid, base, binStride, gh, gw, bins, z0 + 1, y0 + 1, x0, wx0 * wy1 * wz1);
        v += tap(grid, base, binStride, gh, gw, bins, z0 + 1, y0 + 1, x0 + 1, wx1 * wy1 * wz1);
        return v;
    }

    /**
     * Level j of the 97-level cost: {@code (b - t) * S[a] + (t - a) * S[b]} with {@code t = j/4},
     * {@code a = min(floor t, P-1)}, {@code b = min(floor t + 1, P-1)}; level 96 has both weights 0 (upstream quirk).
     */
    public static float costAt(float[] grid, float[] guide, int[] p, int j, int y, int x) {
        int last = p[PLANES] - 1;
        int a = Math.min(j / 4, last);
        int b = Math.min(j / 4 + 1, last);
        return levelCost(j, a, b, sliceAt(grid, guide, p, a, y, x), sliceAt(grid, guide, p, b, y, x));
    }

    /**
     * Half-resolution disparity at pixel {@code i}: softmax over the 97 levels, then the expected level.
     * Each plane is sampled twice (once for the maximum, once for the sums) instead of being stored,
     * so the kernel needs no per-pixel array. The TornadoVM kernel calls the two steps itself: it will
     * not inline a callee above ~600 compiler nodes, and this method with both steps inlined is larger.
     * {@code p} must not ask for the confidence (see the overload that takes its array).
     */
    public static void sliceRegress(float[] grid, float[] guide, float[] half, int[] p, int i) {
        regress(grid, guide, p, i, maxSlice(grid, guide, p, i), half, half);
    }

    /**
     * {@link #sliceRegress(float[], float[], float[], int[], int)}, and where {@code p[CONFIDENCE]} is 1 the
     * pixel's confidence into {@code confidence[i]}: the largest of its 97 softmax probabilities.
     */
    public static void sliceRegress(float[] grid, float[] guide, float[] half, float[] confidence, int[] p, int i) {
        regress(grid, guide, p, i, maxSlice(grid, guide, p, i), half, confidence);
    }

    /**
     * The softmax's shift at pixel {@code i}: max(S[0..P-1], 0), an upper bound of the 97 levels (every
     * level is a convex blend of two planes, level 96 is 0), so no exponent is positive. It need not be
     * the largest level: plane P-1 never appears alone.
     */
    public static float maxSlice(float[] grid, float[] guide, int[] p, int i) {
        int w2 = p[W2];
        int y = i / w2;
        int x = i - y * w2;
        float max = 0f;
        for (int a = 0; a < p[PLANES]; a++) {
            max = Math.max(max, sliceAt(grid, guide, p, a, y, x));
        }
        return max;
    }

    /**
     * The softmax and regression at pixel {@code i}, with e_j = exp(cost_j - max): {@code half[i] = Σ j·e_j / Σ e_j}
     * and, when {@code p[CONFIDENCE]} is 1, {@code confidence[i] = max_j e_j / Σ e_j}, the largest softmax
     * probability (the shift cancels, as in the softmax itself). Step k samples plane min(k, P-1) once and,
     * from k = 1, emits the four levels between planes a = k-1 and b = min(k, P-1).
     */
    public static void regress(float[] grid, float[] guide, int[] p, int i, float max, float[] half, float[] confidence) {
        int w2 = p[W2];
        int y = i / w2;
        int x = i - y * w2;
        int planes = p[PLANES];
        int levels = p[LEVELS];
        int last = planes - 1;
        float sum = 0f;
        float weighted = 0f;
        float peak = 0f;
        float sa = 0f;
        for (int k = 0; k <= planes; k++) {
            int b = Math.min(k, last);
            float sb = sliceAt(grid, guide, p, b, y, x);
            int a = k - 1;
            for (int q = 0; q < 4 && k > 0; q++) {
                int j = 4 * a + q;
                if (j < levels) {
                    float e = (float) Math.exp(levelCost(j, a, b, sa, sb) - max);
                    sum += e;
                    weighted += (float) j * e;
                    peak = Math.max(peak, e);
                }
            }
            sa = sb;
        }
        half[i] = weighted / sum;
        if (p[CONFIDENCE] != 0) {
            confidence[i] = peak / sum;
        }
    }

    /** The cost of level j between planes a and b, sampled as sa and sb: {@code (b - t)·sa + (t - a)·sb}, t = j/4. */
    public static float levelCost(int j, int a, int b, float sa, float sb) {
        float t = (float) j / 4f;
        return ((float) b - t) * sa + (t - (float) a) * sb;
    }

    /** Pixel x of n as the slicing's normalised coordinate {@code x/(n-1)*2-1} (the align-corners=True formula, kept). */
    public static float normalized(int x, int n) {
        return (float) x / (float) (n - 1) * 2f - 1f;
    }

    /** grid_sample's unnormalisation with align_corners=False: {@code ((g + 1)·size - 1) / 2}. */
    public static float unnormalize(float g, int size) {
        return ((g + 1f) * (float) size - 1f) / 2f;
    }

    private static float tap(float[] grid, int base, int binStride, int gh, int gw, int bins,
                             int z, int y, int x, float weight) {
        float v = 0f;
        if (x >= 0 && x < gw && y >= 0 && y < gh && z >= 0 && z < bins) {
            v = grid[z * binStride + base + y * gw + x] * weight;
        }
        return v;
    }

    /** floor for the coordinates here, without Math.floor's double round trip. */
    public static int floorToInt(float v) {
        int t = (int) v;
        return (float) t > v ? t - 1 : t;
    }
}
