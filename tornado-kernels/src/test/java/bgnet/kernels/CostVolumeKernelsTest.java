package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.assertAllClose;
import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Group-wise correlation: V[g][d][y][x] = mean over group g's consecutive channels of L(x) * R(x - d), 0 for x < d. */
class CostVolumeKernelsTest {
    private static final int CHANNELS = 24;
    private static final int GROUPS = 3;     // 8 consecutive channels per group, as in BGNet
    private static final int DISPARITIES = 4;
    private static final int H = 3;
    private static final int W = 6;
    private static final int[] P = CostVolumeKernels.params(CHANNELS, GROUPS, DISPARITIES, H, W);

    @Test
    void randomFeaturesMatchTheDefinition() {
        float[] left = random(CHANNELS * H * W, 41);
        float[] right = random(CHANNELS * H * W, 42);
        double[] expected = new double[GROUPS * DISPARITIES * H * W];
        for (int g = 0; g < GROUPS; g++) {
            for (int d = 0; d < DISPARITIES; d++) {
                for (int y = 0; y < H; y++) {
                    for (int x = d; x < W; x++) {
                        double sum = 0;
                        for (int c = 8 * g; c < 8 * g + 8; c++) {
                            sum += left[(c * H + y) * W + x] * right[(c * H + y) * W + x - d];
                        }
                        expected[((g * DISPARITIES + d) * H + y) * W + x] = sum / 8;
                    }
                }
            }
        }
        assertAllClose(expected, run(left, right), 1e-6);
    }

    /** Identical maps at d = 0: each group's mean of squares. Channel c holds the constant c + 1 here. */
    @Test
    void identicalMapsAtZeroDisparityGiveTheMeanOfSquaresPerGroup() {
        float[] f = new float[CHANNELS * H * W];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (i / (H * W) + 1);
        }
        float[] out = run(f, f);
        for (int g = 0; g < GROUPS; g++) {
            double sumSq = 0;
            for (int c = 8 * g + 1; c <= 8 * g + 8; c++) {
                sumSq += (double) c * c;
            }
            for (int j = 0; j < H * W; j++) {
                assertEquals(sumSq / 8, out[g * DISPARITIES * H * W + j], 1e-4, "group " + g);
            }
        }
    }

    /** Columns left of the disparity have no partner in the right image: 0, whatever the features hold. */
    @Test
    void columnsLeftOfTheDisparityAreZero() {
        float[] out = run(TestArrays.filled(CHANNELS * H * W, 3f), TestArrays.filled(CHANNELS * H * W, 5f));
        for (int g = 0; g < GROUPS; g++) {
            for (int d = 0; d < DISPARITIES; d++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        float v = out[((g * DISPARITIES + d) * H + y) * W + x];
                        assertEquals(x < d ? 0f : 15f, v, 1e-6, "g=" + g + " d=" + d + " x=" + x);
                    }
                }
            }
        }
    }

    private static float[] run(float[] left, float[] right) {
        float[] out = new float[CostVolumeKernels.size(P)];
        for (int i = 0; i < out.length; i++) {
            CostVolumeKernels.groupwiseCorrelation(left, right, out, P, i);
        }
        return out;
    }
}
