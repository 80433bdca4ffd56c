package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.assertAllClose;
import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bilinear resampling with align_corners=False, checked on cases whose answer is known by hand. */
class ResampleKernelsTest {

    private static float[] run(float[] in, int[] p) {
        float[] out = new float[ResampleKernels.size(p)];
        for (int i = 0; i < out.length; i++) {
            ResampleKernels.bilinear(in, out, p, i);
        }
        return out;
    }

    /** Scale 1/2: the source point (2o + 0.5) lies mid-way between two pixels on each axis, a 2x2 box average. */
    @Test
    void halfScaleIsTheTwoByTwoBoxAverage() {
        int h = 6;
        int w = 8;
        float[] in = random(h * w, 61);
        double[] expected = new double[(h / 2) * (w / 2)];
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                expected[y * (w / 2) + x] = (in[2 * y * w + 2 * x] + in[2 * y * w + 2 * x + 1]
                        + in[(2 * y + 1) * w + 2 * x] + in[(2 * y + 1) * w + 2 * x + 1]) / 4.0;
            }
        }
        assertAllClose(expected, run(in, ResampleKernels.params(h, w, h / 2, w / 2, 2, 1, 1)), 1e-6);
    }

    /** Upsampling a constant map gives the constant, times VALUE_SCALE (the half-to-full disparity factor). */
    @Test
    void doubleScaleOfAConstantIsTheConstantTimesTheValueScale() {
        float[] out = run(TestArrays.filled(3 * 5, 7.5f), ResampleKernels.params(3, 5, 6, 10, 1, 2, 2));
        for (float v : out) {
            assertEquals(15f, v, 1e-6);
        }
    }

    /**
     * Scale 2 of the ramp 0,1,2,3: source x = (o + 0.5)/2 - 0.5, clamped at 0 on the left and to the last pixel on
     * the right, gives 0, .25, .75, 1.25, 1.75, 2.25, 2.75, 3 (PyTorch's values); of 0,1,2 it gives 0, .25, .75,
     * 1.25, 1.75, 2. In 2-D, in = 10y + x is linear, so its upsampling is 10*ry(oy) + rx(ox); VALUE_SCALE 2 doubles it.
     */
    @Test
    void doubleScaleOfARampClampsAtBothBorders() {
        double[] rx = {0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3};
        double[] ry = {0, 0.25, 0.75, 1.25, 1.75, 2};
        int h = 3;
        int w = 4;
        float[] in = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                in[y * w + x] = 10 * y + x;
            }
        }
        double[] expected = new double[2 * h * 2 * w];
        for (int oy = 0; oy < 2 * h; oy++) {
            for (int ox = 0; ox < 2 * w; ox++) {
                expected[oy * 2 * w + ox] = 2 * (10 * ry[oy] + rx[ox]);
            }
        }
        assertAllClose(expected, run(in, ResampleKernels.params(h, w, 2 * h, 2 * w, 1, 2, 2)), 1e-5);
    }
}
