package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks the test oracles themselves: a hand-computed convolution, and conv_transpose being the adjoint of conv
 * with the same weights (<conv(x), y> = <x, conv_transpose(y)>), which ties the gather and the scatter together.
 */
class ReferenceConvTest {

    /** 1x3x3 input 1..9, 2x2 kernel of ones, no padding: each output is the sum of a 2x2 window. */
    @Test
    void handComputedConvolution() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] w = {1, 1, 1, 1};
        double[] out = ReferenceConv.conv(x, 1, 1, 3, 3, w, 1, 1, 2, 1, 0, 0);
        assertEquals(4, out.length);
        assertEquals(12, out[0]);
        assertEquals(16, out[1]);
        assertEquals(24, out[2]);
        assertEquals(28, out[3]);
    }

    @Test
    void transposedConvolutionIsTheAdjointOfConvolution() {
        // conv3d 2 -> 3 channels, k3, stride (1,2,2), pad 1 on 3x6x6 gives 3x3x3; the transposed convolution back
        // to 3x6x6 needs output padding 1 on H and W (tb3's case).
        int inC = 2;
        int outC = 3;
        float[] x = random(inC * 3 * 6 * 6, 81);
        float[] w = random(outC * inC * 27, 82);
        double[] cx = ReferenceConv.conv(x, inC, 3, 6, 6, w, outC, 3, 3, 2, 1, 1);
        assertEquals(outC * 3 * 3 * 3, cx.length);
        float[] y = random(cx.length, 83);
        // Seen as a transposed convolution from outC to inC channels, the same array is in [in][out][..] layout.
        double[] ty = ReferenceConv.deconv(y, outC, 3, 3, 3, w, inC, 3, 3, 2, 1, 1, 1);
        assertEquals(x.length, ty.length);
        double lhs = 0;
        for (int i = 0; i < cx.length; i++) {
            lhs += cx[i] * y[i];
        }
        double rhs = 0;
        for (int i = 0; i < x.length; i++) {
            rhs += x[i] * ty[i];
        }
        assertEquals(lhs, rhs, 1e-9);
    }
}
