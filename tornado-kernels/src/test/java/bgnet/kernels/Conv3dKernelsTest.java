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
 * conv3d with stride (1, s, s) and conv_transpose3d with stride (1, s, s) and output padding (0, s-1, s-1),
 * BGNet's cbl3 and tb3, against {@link ReferenceConv}. The depth (disparity) axis never strides. Input and
 * output sit at offsets inside larger buffers, as in {@link Conv2dKernelsTest}.
 */
class Conv3dKernelsTest {
    private static final int K = 3;   // every BGNet 3-D layer
    private static final int IN_OFF = 4;
    private static final int OUT_OFF = 6;
    private static final int RES_OFF = 2;

    /** inC, inD, inH, inW, outC, stride, pad, act, residual. */
    static Stream<Arguments> convCases() {
        return Stream.of(
                Arguments.of(2, 3, 4, 5, 3, 1, 1, Activation.LEAKY_RELU, false),   // cbl3(.., 1)
                Arguments.of(2, 4, 5, 4, 2, 2, 1, Activation.LEAKY_RELU, false),   // cbl3(.., 2), odd height
                Arguments.of(3, 3, 4, 4, 2, 1, 1, Activation.LEAKY_RELU, true),    // conv2(a) + a
                Arguments.of(1, 4, 4, 3, 2, 1, 0, Activation.NONE, false));        // no padding
    }

    /** inC, inD, inH, inW, outC, stride, pad, act, residual. */
    static Stream<Arguments> deconvCases() {
        return Stream.of(
                Arguments.of(3, 3, 2, 3, 2, 2, 1, Activation.NONE, false),   // tb3
                Arguments.of(2, 4, 3, 2, 2, 2, 1, Activation.NONE, true),    // conv5(e) + c
                Arguments.of(2, 3, 3, 3, 2, 1, 1, Activation.RELU, false));
    }

    @ParameterizedTest
    @MethodSource("convCases")
    void conv3dMatchesTheDirectDefinition(int inC, int inD, int inH, int inW, int outC, int s, int pad, int act,
                                          boolean residual) {
        int outD = ReferenceConv.convOut(inD, K, 1, pad);
        int outH = ReferenceConv.convOut(inH, K, s, pad);
        int outW = ReferenceConv.convOut(inW, K, s, pad);
        float[] x = random(inC * inD * inH * inW, 21);
        float[] w = random(outC * inC * K * K * K, 22);
        float[] b = random(outC, 23);
        float[] res = random(RES_OFF + outC * outD * outH * outW, 24);
        double[] expected = ReferenceConv.conv(x, inC, inD, inH, inW, w, outC, K, K, s, pad, pad);
        ConvRun.finish(expected, b, act, residual, res, RES_OFF);

        int[] p = Conv3dKernels.params(IN_OFF, inC, inD, inH, inW, OUT_OFF, outC, outD, outH, outW, K, s, pad, act,
                residual ? RES_OFF : -1);
        float[] out = run(p, x, w, b, res, false);
        assertAllClose(expected, Arrays.copyOfRange(out, OUT_OFF, OUT_OFF + expected.length), 1e-5);
        ConvRun.assertUntouchedOutside(out, OUT_OFF, expected.length);
    }

    @ParameterizedTest
    @MethodSource("deconvCases")
    void deconv3dMatchesTheScatterDefinition(int inC, int inD, int inH, int inW, int outC, int s, int pad, int act,
                                             boolean residual) {
        int outPad = s - 1;   // tb3's output_padding=(0,1,1) at stride 2
        int outD = ReferenceConv.deconvOut(inD, K, 1, pad, 0);
        int outH = ReferenceConv.deconvOut(inH, K, s, pad, outPad);
        int outW = ReferenceConv.deconvOut(inW, K, s, pad, outPad);
        float[] x = random(inC * inD * inH * inW, 31);
        float[] w = random(inC * outC * K * K * K, 32);
        float[] b = random(outC, 33);
        float[] res = random(RES_OFF + outC * outD * outH * outW, 34);
        double[] expected = ReferenceConv.deconv(x, inC, inD, inH, inW, w, outC, K, K, s, pad, pad, outPad);
        ConvRun.finish(expected, b, act, residual, res, RES_OFF);

        int[] p = Conv3dKernels.params(IN_OFF, inC, inD, inH, inW, OUT_OFF, outC, outD, outH, outW, K, s, pad, act,
                residual ? RES_OFF : -1);
        float[] out = run(p, x, w, b, res, true);
        assertAllClose(expected, Arrays.copyOfRange(out, OUT_OFF, OUT_OFF + expected.length), 1e-5);
        ConvRun.assertUntouchedOutside(out, OUT_OFF, expected.length);
    }

    private static float[] run(int[] p, float[] x, float[] w, float[] b, float[] res, boolean transposed) {
        assertEquals(Conv3dKernels.LENGTH, p.length);
        ConvRun.Kernel kernel = transposed ? Conv3dKernels::deconv3d : Conv3dKernels::conv3d;
        return ConvRun.run(kernel, Conv3dKernels.size(p), p, IN_OFF, OUT_OFF, x, w, b, res);
    }
}
