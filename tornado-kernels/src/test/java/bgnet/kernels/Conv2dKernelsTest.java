package bgnet.kernels;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static bgnet.kernels.TestArrays.assertAllClose;
import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * conv2d and deconv2d against {@link ReferenceConv} (PyTorch's definitions written plainly), plus bias,
 * activation and residual. The tensors sit at offsets inside larger buffers (as concatenations do): what lies
 * outside the input is NaN, so reading it shows, and what lies outside the output must stay untouched.
 */
class Conv2dKernelsTest {
    private static final int IN_OFF = 5;
    private static final int OUT_OFF = 3;
    private static final int RES_OFF = 7;

    /** inC, inH, inW, outC, kernel, stride, pad, act, residual: the shapes BGNet uses, on small odd sizes. */
    static Stream<Arguments> convCases() {
        return Stream.of(
                Arguments.of(2, 5, 6, 3, 3, 1, 1, Activation.NONE, false),
                Arguments.of(3, 7, 5, 2, 3, 2, 1, Activation.RELU, false),    // cbr(.., s=2), odd size
                Arguments.of(3, 6, 6, 4, 1, 2, 0, Activation.NONE, true),     // BasicBlock downsample shortcut
                Arguments.of(2, 4, 5, 3, 3, 1, 1, Activation.LEAKY_RELU, true),
                Arguments.of(1, 3, 4, 1, 3, 1, 0, Activation.TANH, false));   // no padding
    }

    /** Transposed: k4 s2 p1 is the feature extractor's Conv2x deconv; k3 s1 p1 and k3 s2 p0 cover the rest. */
    static Stream<Arguments> deconvCases() {
        return Stream.of(
                Arguments.of(2, 3, 4, 3, 4, 2, 1, Activation.RELU, false),
                Arguments.of(3, 4, 3, 2, 4, 2, 1, Activation.NONE, true),
                Arguments.of(2, 4, 4, 2, 3, 1, 1, Activation.LEAKY_RELU, true),
                Arguments.of(1, 3, 2, 2, 3, 2, 0, Activation.NONE, false));
    }

    @ParameterizedTest
    @MethodSource("convCases")
    void conv2dMatchesTheDirectDefinition(int inC, int inH, int inW, int outC, int k, int s, int pad, int act,
                                          boolean residual) {
        int outH = ReferenceConv.convOut(inH, k, s, pad);
        int outW = ReferenceConv.convOut(inW, k, s, pad);
        float[] x = random(inC * inH * inW, 1);
        float[] w = random(outC * inC * k * k, 2);
        float[] b = random(outC, 3);
        float[] res = random(RES_OFF + outC * outH * outW, 4);
        double[] expected = ReferenceConv.conv(x, inC, 1, inH, inW, w, outC, 1, k, s, 0, pad);
        ConvRun.finish(expected, b, act, residual, res, RES_OFF);

        int[] p = Conv2dKernels.params(IN_OFF, inC, inH, inW, OUT_OFF, outC, outH, outW, k, s, pad, act,
                residual ? RES_OFF : -1);
        float[] out = run(p, x, w, b, res, false);
        assertAllClose(expected, Arrays.copyOfRange(out, OUT_OFF, OUT_OFF + expected.length), 1e-5);
        ConvRun.assertUntouchedOutside(out, OUT_OFF, expected.length);
    }

    @ParameterizedTest
    @MethodSource("deconvCases")
    void deconv2dMatchesTheScatterDefinition(int inC, int inH, int inW, int outC, int k, int s, int pad, int act,
                                             boolean residual) {
        int outH = ReferenceConv.deconvOut(inH, k, s, pad, 0);
        int outW = ReferenceConv.deconvOut(inW, k, s, pad, 0);
        float[] x = random(inC * inH * inW, 11);
        float[] w = random(inC * outC * k * k, 12);
        float[] b = random(outC, 13);
        float[] res = random(RES_OFF + outC * outH * outW, 14);
        double[] expected = ReferenceConv.deconv(x, inC, 1, inH, inW, w, outC, 1, k, s, 0, pad, 0);
        ConvRun.finish(expected, b, act, residual, res, RES_OFF);

        int[] p = Conv2dKernels.params(IN_OFF, inC, inH, inW, OUT_OFF, outC, outH, outW, k, s, pad, act,
                residual ? RES_OFF : -1);
        float[] out = run(p, x, w, b, res, true);
        assertAllClose(expected, Arrays.copyOfRange(out, OUT_OFF, OUT_OFF + expected.length), 1e-5);
        ConvRun.assertUntouchedOutside(out, OUT_OFF, expected.length);
    }

    private static float[] run(int[] p, float[] x, float[] w, float[] b, float[] res, boolean transposed) {
        assertEquals(Conv2dKernels.LENGTH, p.length);
        ConvRun.Kernel kernel = transposed ? Conv2dKernels::deconv2d : Conv2dKernels::conv2d;
        return ConvRun.run(kernel, Conv2dKernels.size(p), p, IN_OFF, OUT_OFF, x, w, b, res);
    }
}
