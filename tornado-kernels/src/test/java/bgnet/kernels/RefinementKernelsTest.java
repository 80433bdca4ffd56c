package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The refinement network's warp (truncating, zero outside [0, W-1]) and its final relu(half + residual). */
class RefinementKernelsTest {
    private static final int H = 2;
    private static final int W = 5;
    private static final int[] P = RefinementKernels.params(H, W);

    private static float[] warp(float[] disp, float[] left, float[] right) {
        float[] out = new float[2 * H * W];
        for (int i = 0; i < RefinementKernels.size(P); i++) {
            RefinementKernels.warpDifference(disp, left, right, out, P, i);
        }
        return out;
    }

    /** Disparity 0 reads the right image in place: out = cat(right - left, left). */
    @Test
    void zeroDisparityGivesRightMinusLeftThenLeft() {
        float[] left = random(H * W, 71);
        float[] right = random(H * W, 72);
        float[] out = warp(new float[H * W], left, right);
        for (int i = 0; i < H * W; i++) {
            assertEquals(right[i] - left[i], out[i], 0f);
            assertEquals(left[i], out[H * W + i], 0f);
        }
    }

    /**
     * A right image holding column + 1 (plus 100 on row 1), left = 0: x - disp truncates towards the lower
     * column; exactly 0 and exactly W-1 are inside; -0.5 and W-1+0.5 are outside and read 0 although their
     * clamped column exists.
     */
    @Test
    void sourceColumnIsTruncatedAndZeroOutsideTheImage() {
        float[] right = new float[H * W];
        for (int i = 0; i < H * W; i++) {
            right[i] = (i / W) * 100 + i % W + 1;   // +1 so that a real read of column 0 is not 0
        }
        float[] left = new float[H * W];
        // Row 0, x = 0..4: xr = 0 - 0 = 0, 1 - 1.5 = -0.5, 2 - 0.7 = 1.3, 3 + 1 = 4, 4 - 4 = 0.
        // Row 1, x = 0..4: xr = 0 + 0.25 = 0.25, 1 + 3.5 = 4.5, 2 - 3 = -1, 3 + 0.9 = 3.9, 4 - 9 = -5.
        float[] disp = {0f, 1.5f, 0.7f, -1f, 4f, -0.25f, -3.5f, 3f, -0.9f, 9f};
        float[] expected = {1, 0, 2, 5, 1, 101, 0, 0, 104, 0};
        float[] out = warp(disp, left, right);
        for (int i = 0; i < H * W; i++) {
            assertEquals(expected[i], out[i], 0f, "pixel " + i);
        }
    }

    @Test
    void reluAddClipsNegativeSumsToZero() {
        float[] a = {1f, -2f, 0.5f, -0.25f, 3f, 0f, -1f, 2f, 0.75f, -4f};
        float[] b = {0.5f, 1f, -1f, 0.25f, -5f, 0f, 1.5f, -2.5f, 0.25f, 4.5f};
        float[] expected = {1.5f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0f, 1f, 0.5f};
        float[] out = new float[H * W];
        for (int i = 0; i < RefinementKernels.size(P); i++) {
            RefinementKernels.reluAdd(a, b, out, P, i);
        }
        for (int i = 0; i < out.length; i++) {
            assertEquals(expected[i], out[i], 0f, "element " + i);
        }
    }
}
