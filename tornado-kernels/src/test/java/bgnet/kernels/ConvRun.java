package bgnet.kernels;

import java.util.Arrays;

import static bgnet.kernels.TestArrays.activate;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reference convolution kernel run over every output element with its input and output at offsets
 * inside larger buffers: NaN around the input (a read outside it shows), a sentinel around the output
 * (a write outside it shows).
 */
final class ConvRun {
    static final float SENTINEL = 12345f;

    /** One of the per-element convolution kernels. */
    @FunctionalInterface
    interface Kernel {
        void at(float[] in, float[] w, float[] b, float[] res, float[] out, int[] p, int i);
    }

    private ConvRun() {
    }

    /** Output buffer of {@code outOff + size + 4} elements after running {@code kernel} on x placed at {@code inOff}. */
    static float[] run(Kernel kernel, int size, int[] p, int inOff, int outOff, float[] x, float[] w, float[] b,
                       float[] res) {
        float[] in = new float[inOff + x.length + 4];
        Arrays.fill(in, Float.NaN);
        System.arraycopy(x, 0, in, inOff, x.length);
        float[] out = new float[outOff + size + 4];
        Arrays.fill(out, SENTINEL);
        for (int i = 0; i < size; i++) {
            kernel.at(in, w, b, res, out, p, i);
        }
        return out;
    }

    /** Bias, then activation, then the residual (read at {@code resOff}): how BGNet's blocks add. */
    static void finish(double[] expected, float[] b, int act, boolean residual, float[] res, int resOff) {
        int perChannel = expected.length / b.length;
        for (int i = 0; i < expected.length; i++) {
            expected[i] = activate(expected[i] + b[i / perChannel], act) + (residual ? res[resOff + i] : 0.0);
        }
    }

    static void assertUntouchedOutside(float[] out, int outOff, int n) {
        for (int i = 0; i < out.length; i++) {
            if (i < outOff || i >= outOff + n) {
                assertEquals(SENTINEL, out[i], "element " + i + " lies outside the output tensor");
            }
        }
    }
}
