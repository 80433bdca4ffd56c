package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each activation kind against its definition; tanh also for huge arguments, where a naive formula overflows. */
class ActivationTest {
    private static final float[] VALUES = {-3f, -0.5f, -1e-20f, -0f, 0f, 1e-20f, 0.25f, 2f, 1e6f};

    @Test
    void noneIsTheIdentity() {
        for (float v : VALUES) {
            assertEquals(v, Activation.apply(v, Activation.NONE), 0f);
        }
    }

    @Test
    void reluZeroesNegatives() {
        float[] expected = {0f, 0f, 0f, 0f, 0f, 1e-20f, 0.25f, 2f, 1e6f};
        for (int i = 0; i < VALUES.length; i++) {
            assertEquals(expected[i], Activation.apply(VALUES[i], Activation.RELU), 0f, "v=" + VALUES[i]);
        }
    }

    /** PyTorch's LeakyReLU(0.1), the slope of every cbl3 and refinement conv2d block. */
    @Test
    void leakyReluScalesNegativesByOneTenth() {
        float[] expected = {-0.3f, -0.05f, -1e-21f, 0f, 0f, 1e-20f, 0.25f, 2f, 1e6f};
        for (int i = 0; i < VALUES.length; i++) {
            assertEquals(expected[i], Activation.apply(VALUES[i], Activation.LEAKY_RELU), 1e-7, "v=" + VALUES[i]);
        }
    }

    /** The 16-wide stores' form, max(v, v * slope), is apply(v) for every piecewise-linear kind (but -0 for +0). */
    @Test
    void slopeFormEqualsApply() {
        float[] extra = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 7.3e-39f, -7.3e-39f};
        for (int kind : new int[] {Activation.NONE, Activation.RELU, Activation.LEAKY_RELU}) {
            float slope = Activation.slope(kind);
            java.util.Random random = new java.util.Random(kind);
            for (int i = 0; i < VALUES.length + extra.length + 10_000; i++) {
                float v = i < VALUES.length ? VALUES[i] : i < VALUES.length + extra.length
                        ? extra[i - VALUES.length] : (float) random.nextGaussian() * 4f;
                float y = v * slope;
                float viaSlope = v > y ? v : y;
                // +0f: the same number, -0 and +0 alike (a residual or the next op adds to it).
                assertEquals(Float.floatToIntBits(Activation.apply(v, kind) + 0f), Float.floatToIntBits(viaSlope + 0f),
                        "kind " + kind + " v=" + v);
            }
        }
        assertEquals(-1f, Activation.slope(Activation.TANH), 0f);
    }

    @Test
    void tanhMatchesMathTanhWithoutOverflow() {
        for (int k = -4000; k <= 4000; k++) {
            float v = k * 0.01f;   // -40..40, past where exp(2v) would overflow a float
            assertEquals(Math.tanh(v), Activation.apply(v, Activation.TANH), 1e-6, "v=" + v);
        }
        for (float v : new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -1e30f, 89f, -89f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float t = Activation.apply(v, Activation.TANH);
            assertFalse(Float.isNaN(t), "tanh(" + v + ") is NaN");
            assertEquals(Math.signum(v), t, 1e-6, "v=" + v);
        }
        assertEquals(0f, Activation.tanh(0f), 0f);
    }

    @Test
    void tanhIsOdd() {
        for (float v : new float[] {0.001f, 0.3f, 1.7f, 12f}) {
            assertEquals(-Activation.tanh(v), Activation.tanh(-v), 0f, "v=" + v);
        }
    }
}
