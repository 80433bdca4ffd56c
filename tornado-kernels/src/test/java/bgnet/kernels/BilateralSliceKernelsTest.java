package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slicing the bilateral grid and the disparity regression, against an independent trilinear grid_sample
 * (align_corners=False, zero padding) written from PyTorch's definition, the spec's 97-level blend with its
 * level-96 quirk, and a softmax expectation computed in double.
 */
class BilateralSliceKernelsTest {
    private static final int PLANES = 25;
    private static final int LEVELS = 97;
    private static final int BINS = 4;
    private static final int GH = 3;
    private static final int GW = 4;
    private static final int H2 = 5;
    private static final int W2 = 6;
    private static final int[] P = BilateralSliceKernels.params(PLANES, BINS, GH, GW, H2, W2, LEVELS);

    /** PyTorch's grid_sample on plane i's volume G_i[z][y][x] = grid[z][i][y][x] (the grid's native layout). */
    private static double gridSample(float[] grid, int plane, double gx, double gy, double gz) {
        double ix = ((gx + 1) * GW - 1) / 2;
        double iy = ((gy + 1) * GH - 1) / 2;
        double iz = ((gz + 1) * BINS - 1) / 2;
        double v = 0;
        for (int cz = (int) Math.floor(iz); cz <= (int) Math.floor(iz) + 1; cz++) {
            for (int cy = (int) Math.floor(iy); cy <= (int) Math.floor(iy) + 1; cy++) {
                for (int cx = (int) Math.floor(ix); cx <= (int) Math.floor(ix) + 1; cx++) {
                    boolean inside = cz >= 0 && cz < BINS && cy >= 0 && cy < GH && cx >= 0 && cx < GW;
                    if (inside) {   // zero padding: corners outside the volume contribute nothing
                        double weight = (1 - Math.abs(ix - cx)) * (1 - Math.abs(iy - cy)) * (1 - Math.abs(iz - cz));
                        v += weight * grid[((cz * PLANES + plane) * GH + cy) * GW + cx];
                    }
                }
            }
        }
        return v;
    }

    /** S[plane] at half-resolution pixel (x, y), with the spec's align-corners=True style gx, gy in float32. */
    private static double slice(float[] grid, float[] guide, int plane, int y, int x) {
        float gx = (float) x / (float) (W2 - 1) * 2f - 1f;
        float gy = (float) y / (float) (H2 - 1) * 2f - 1f;
        return gridSample(grid, plane, gx, gy, guide[y * W2 + x]);
    }

    /** The spec's 97 levels: t = j/4, a = min(floor t, 24), b = min(floor t + 1, 24); level 96 gets weights 0. */
    private static double[] costs(float[] grid, float[] guide, int y, int x) {
        double[] c = new double[LEVELS];
        for (int j = 0; j < LEVELS; j++) {
            double t = j / 4.0;
            int a = Math.min((int) Math.floor(t), PLANES - 1);
            int b = Math.min((int) Math.floor(t) + 1, PLANES - 1);
            c[j] = (b - t) * slice(grid, guide, a, y, x) + (t - a) * slice(grid, guide, b, y, x);
        }
        return c;
    }

    private static double softmaxExpectation(double[] cost) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : cost) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < cost.length; j++) {
            double e = Math.exp(cost[j] - max);
            sum += e;
            weighted += j * e;
        }
        return weighted / sum;
    }

    /** The largest softmax probability over the levels, in double. */
    private static double largestProbability(double[] cost) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : cost) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : cost) {
            sum += Math.exp(v - max);
        }
        return 1 / sum;
    }

    private static float[] randomGrid(long seed, float amplitude) {
        float[] g = random(BINS * PLANES * GH * GW, seed);
        for (int i = 0; i < g.length; i++) {
            g[i] *= amplitude;
        }
        return g;
    }

    @Test
    void sliceAtMatchesTrilinearGridSampleWithZeroPadding() {
        float[] grid = randomGrid(51, 1f);
        float[] guide = random(H2 * W2, 52);
        for (int plane = 0; plane < PLANES; plane++) {
            for (int y = 0; y < H2; y++) {
                for (int x = 0; x < W2; x++) {
                    assertEquals(slice(grid, guide, plane, y, x), BilateralSliceKernels.sliceAt(grid, guide, P, plane, y, x),
                            1e-5, "plane " + plane + " y " + y + " x " + x);
                }
            }
        }
    }

    /**
     * Hand-computed: grid value = 10 * bin, all planes. gz = -0.25 lands on bin 1 exactly and gz = 0 half-way
     * between bins 1 and 2. gx = x/(W2-1)*2-1 puts the first and last columns half a cell outside the grid
     * (align_corners=False), so zero padding halves them; likewise the first and last rows.
     */
    @Test
    void borderPixelsAreHalvedByZeroPaddingAndTheGuidePicksTheBin() {
        int w2 = 5;
        int h2 = 3;
        int gh = 2;
        int gw = 4;
        int[] p = BilateralSliceKernels.params(2, 4, gh, gw, h2, w2, 5);
        float[] grid = new float[4 * 2 * gh * gw];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 10f * (i / (2 * gh * gw));
        }
        double[] rowWeight = {0.5, 1, 0.5};
        double[] colWeight = {0.5, 1, 1, 1, 0.5};
        for (float gz : new float[] {-0.25f, 0f}) {
            double bin = gz == 0f ? 15 : 10;
            float[] guide = TestArrays.filled(h2 * w2, gz);
            for (int plane = 0; plane < 2; plane++) {
                for (int y = 0; y < h2; y++) {
                    for (int x = 0; x < w2; x++) {
                        assertEquals(bin * rowWeight[y] * colWeight[x],
                                BilateralSliceKernels.sliceAt(grid, guide, p, plane, y, x), 1e-5,
                                "gz " + gz + " y " + y + " x " + x);
                    }
                }
            }
        }
        // gz = 1 is half a bin past the last one: only half of the last bin (30) remains.
        float[] top = TestArrays.filled(h2 * w2, 1f);
        assertEquals(15.0, BilateralSliceKernels.sliceAt(grid, top, p, 0, 1, 2), 1e-5);
    }

    @Test
    void costAtBlendsNeighbouringPlanesAndLevel96IsZero() {
        float[] grid = randomGrid(53, 2f);
        float[] guide = random(H2 * W2, 54);
        for (int y = 0; y < H2; y++) {
            for (int x = 0; x < W2; x++) {
                double[] expected = costs(grid, guide, y, x);
                for (int j = 0; j < LEVELS; j++) {
                    assertEquals(expected[j], BilateralSliceKernels.costAt(grid, guide, P, j, y, x), 1e-5, "level " + j);
                }
                assertEquals(0.0, BilateralSliceKernels.costAt(grid, guide, P, 96, y, x), 0.0);
            }
        }
    }

    @Test
    void sliceRegressIsTheSoftmaxExpectationOverThe97Levels() {
        float[] grid = randomGrid(55, 4f);
        float[] guide = random(H2 * W2, 56);
        float[] half = new float[BilateralSliceKernels.size(P)];
        for (int i = 0; i < half.length; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, P, i);
        }
        for (int i = 0; i < half.length; i++) {
            double[] cost = costs(grid, guide, i / W2, i % W2);
            assertEquals(softmaxExpectation(cost), half[i], 1e-4, "pixel " + i);
        }
    }

    /**
     * With the confidence asked for, the same disparity bit for bit and, per pixel, the largest of the 97
     * softmax probabilities (in (0, 1]); a grid of amplitude 12 makes some pixels peaked, some flat.
     */
    @Test
    void confidenceIsTheLargestSoftmaxProbability() {
        int[] p = BilateralSliceKernels.params(PLANES, BINS, GH, GW, H2, W2, LEVELS, true);
        float[] grid = randomGrid(60, 12f);
        float[] guide = random(H2 * W2, 61);
        float[] half = new float[H2 * W2];
        float[] plain = new float[H2 * W2];
        float[] confidence = new float[H2 * W2];
        double lowest = 1;
        double highest = 0;
        for (int i = 0; i < half.length; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, confidence, p, i);
            BilateralSliceKernels.sliceRegress(grid, guide, plain, P, i);
            assertEquals(plain[i], half[i], 0f, "disparity of pixel " + i);
            double expected = largestProbability(costs(grid, guide, i / W2, i % W2));
            assertEquals(expected, confidence[i], 1e-5, "pixel " + i);
            assertTrue(confidence[i] > 0 && confidence[i] <= 1, "pixel " + i + ": " + confidence[i]);
            lowest = Math.min(lowest, expected);
            highest = Math.max(highest, expected);
        }
        assertTrue(lowest < 0.2 && highest > 0.5, "the test grid should give flat and peaked pixels: " + lowest + ".." + highest);
    }

    /** Without the flag the confidence array is left alone (the disparity-only program writes no second output). */
    @Test
    void confidenceIsWrittenOnlyWhenAskedFor() {
        float[] grid = randomGrid(60, 12f);
        float[] guide = random(H2 * W2, 61);
        float[] half = new float[H2 * W2];
        float[] confidence = new float[H2 * W2];
        java.util.Arrays.fill(confidence, -7f);
        for (int i = 0; i < half.length; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, confidence, P, i);
            assertEquals(-7f, confidence[i], 0f);
        }
    }

    /** An all-zero grid gives 97 equal levels: every probability, so the largest, is 1/97. */
    @Test
    void zeroGridGivesTheUniformConfidence() {
        int[] p = BilateralSliceKernels.params(PLANES, BINS, GH, GW, H2, W2, LEVELS, true);
        float[] grid = new float[BINS * PLANES * GH * GW];
        float[] guide = random(H2 * W2, 57);
        float[] half = new float[H2 * W2];
        float[] confidence = new float[H2 * W2];
        for (int i = 0; i < half.length; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, confidence, p, i);
            assertEquals(1.0 / 97, confidence[i], 1e-6);
        }
    }

    /**
     * The softmax shift is max(0, S[0..24]): at least every level (each is a convex blend of two planes, or 0),
     * though not always equal to the largest level, since plane 24 never appears alone (level 96 is 0).
     */
    @Test
    void maxSliceIsTheLargestPlaneOrZeroAndBoundsEveryLevel() {
        float[] grid = randomGrid(55, 4f);
        float[] guide = random(H2 * W2, 56);
        for (int i = 0; i < H2 * W2; i++) {
            double largestPlane = 0;
            for (int plane = 0; plane < PLANES; plane++) {
                largestPlane = Math.max(largestPlane, slice(grid, guide, plane, i / W2, i % W2));
            }
            float max = BilateralSliceKernels.maxSlice(grid, guide, P, i);
            assertEquals(largestPlane, max, 1e-5, "pixel " + i);
            for (double c : costs(grid, guide, i / W2, i % W2)) {
                assertTrue(c <= max + 1e-5, "a level above the shift at pixel " + i);
            }
        }
    }

    /** An all-zero grid makes every level cost 0: a uniform softmax over 0..96, whose mean is 48. */
    @Test
    void zeroGridGivesTheMiddleLevel() {
        float[] grid = new float[BINS * PLANES * GH * GW];
        float[] guide = random(H2 * W2, 57);
        float[] half = new float[BilateralSliceKernels.size(P)];
        for (int i = 0; i < half.length; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, P, i);
            assertEquals(48f, half[i], 1e-4);
        }
    }

    /**
     * All 25 planes equal (value s at the pixel): levels 0..95 cost s, level 96 costs 0 (the quirk), so
     * half = (sum_{j<96} j e^s + 96) / (96 e^s + 1) = (4560 e^s + 96) / (96 e^s + 1).
     */
    @Test
    void equalPlanesGiveTheClosedFormExpectation() {
        float[] grid = new float[BINS * PLANES * GH * GW];
        float[] perBin = random(BINS * GH * GW, 58);
        for (int z = 0; z < BINS; z++) {
            for (int plane = 0; plane < PLANES; plane++) {
                for (int j = 0; j < GH * GW; j++) {
                    grid[(z * PLANES + plane) * GH * GW + j] = 3f * perBin[z * GH * GW + j];
                }
            }
        }
        float[] guide = random(H2 * W2, 59);
        for (int i = 0; i < H2 * W2; i++) {
            double es = Math.exp(slice(grid, guide, 0, i / W2, i % W2));
            float[] half = new float[H2 * W2];
            BilateralSliceKernels.sliceRegress(grid, guide, half, P, i);
            assertEquals((4560 * es + 96) / (96 * es + 1), half[i], 1e-4, "pixel " + i);
        }
    }
}
