package bgnet.kernels;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Small helpers for the kernel tests: seeded random data and per-element comparison with a readable failure. */
public final class TestArrays {
    private TestArrays() {
    }

    /** Uniform values in [-1, 1), reproducible from {@code seed}. */
    public static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat() * 2f - 1f;
        }
        return a;
    }

    public static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    /** The activations written out from their definitions (PyTorch's ReLU, LeakyReLU(0.1), tanh), for oracles. */
    public static double activate(double v, int kind) {
        return switch (kind) {
            case Activation.NONE -> v;
            case Activation.RELU -> Math.max(v, 0.0);
            case Activation.LEAKY_RELU -> v >= 0.0 ? v : 0.1 * v;
            case Activation.TANH -> Math.tanh(v);
            default -> throw new IllegalArgumentException("activation " + kind);
        };
    }

    /** Every element within {@code tol} of the expectation; a failure names the first element that is not. */
    public static void assertAllClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail("element " + i + ": expected " + expected[i] + " but was " + actual[i] + " (tolerance " + tol + ")");
            }
        }
    }
}
