package bgnet.model.backend;

import bgnet.model.testing.Comparison;
import bgnet.kernels.Activation;
import bgnet.model.backend.fast.FastOp;
import bgnet.model.network.Conv;
import bgnet.model.network.ConvGeometry;
import bgnet.model.network.FoldedConv;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import bgnet.model.network.View;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The fast convolutions against the shared per-element kernels on random data: every kind, stride 1
 * and 2, kernels 1/3/4, odd and tiny sizes, channel counts that are not whole blocks, tensors at offsets
 * inside larger buffers, residuals and every activation. Same summation order, so only fused
 * multiply-add rounding may differ.
 */
class FastConvolutionTest {
    static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0} in={1} out={2} d={3} {4}x{5} k{6} s{7} p{8} act={9} res={10} off={11} threads={12}")
    @CsvSource({
            // kind, inC, outC, D, H, W, k, stride, pad, act, residual, offsets, threads
            "CONV2D, 3, 8, 1, 20, 37, 3, 1, 1, 1, false, false, 2",
            "CONV2D, 5, 6, 1, 17, 40, 3, 1, 1, 2, true, true, 3",
            "CONV2D, 4, 5, 1, 9, 13, 3, 2, 1, 0, false, true, 2",
            "CONV2D, 1, 32, 1, 32, 64, 3, 2, 1, 1, false, false, 1",
            "CONV2D, 6, 7, 1, 12, 34, 1, 2, 0, 0, true, false, 2",
            "CONV2D, 7, 3, 1, 11, 19, 1, 1, 0, 2, false, true, 2",
            "CONV2D, 5, 1, 1, 10, 21, 1, 1, 0, 3, false, false, 2",
            "CONV2D, 4, 1, 1, 8, 30, 3, 1, 1, 0, true, true, 2",
            "CONV2D, 3, 4, 1, 3, 5, 3, 2, 1, 1, false, false, 2",
            "CONV2D, 2, 9, 1, 1, 1, 3, 1, 1, 1, false, false, 2",
            // Even sizes, 3x3, stride 1: Winograd F(2x2, 3x3).
            "CONV2D, 5, 6, 1, 18, 40, 3, 1, 1, 2, true, true, 3",
            "CONV2D, 3, 7, 1, 2, 2, 3, 1, 1, 1, false, false, 2",
            "CONV2D, 2, 3, 1, 4, 70, 3, 1, 1, 3, true, false, 1",
            "CONV2D, 1, 4, 1, 10, 36, 3, 1, 1, 0, false, true, 2",
            "CONV2D, 33, 32, 1, 12, 70, 3, 1, 1, 1, false, false, 2",
            "DECONV2D, 3, 2, 1, 3, 20, 4, 2, 1, 3, true, false, 2",
            "DECONV2D, 6, 5, 1, 7, 11, 4, 2, 1, 1, true, true, 2",
            "DECONV2D, 8, 4, 1, 3, 24, 4, 2, 1, 1, false, false, 3",
            "DECONV2D, 3, 2, 1, 5, 6, 3, 1, 1, 2, false, false, 2",
            "DECONV2D, 4, 3, 1, 5, 20, 3, 2, 1, 1, true, true, 2",
            "DECONV3D, 5, 6, 2, 3, 17, 3, 2, 1, 2, true, false, 2",
            "CONV3D, 5, 6, 4, 10, 21, 3, 1, 1, 2, false, true, 2",
            // Even sizes, 3x3x3, stride 1, at most 64 input channels: Winograd over height and width.
            "CONV3D, 5, 6, 4, 10, 22, 3, 1, 1, 2, true, true, 2",
            "CONV3D, 7, 9, 3, 4, 36, 3, 1, 1, 1, false, false, 3",
            "CONV3D, 3, 4, 1, 2, 2, 3, 1, 1, 0, true, false, 1",
            "CONV3D, 65, 4, 2, 4, 6, 3, 1, 1, 2, false, false, 2",
            "CONV3D, 4, 8, 3, 7, 9, 3, 2, 1, 2, true, false, 2",
            "CONV3D, 3, 4, 5, 6, 34, 3, 2, 1, 1, false, true, 3",
            "CONV3D, 6, 5, 2, 3, 4, 3, 1, 1, 0, true, true, 1",
            "DECONV3D, 6, 5, 3, 4, 9, 3, 2, 1, 0, true, true, 2",
            "DECONV3D, 8, 4, 4, 2, 3, 3, 2, 1, 0, false, false, 2",
            "DECONV3D, 4, 3, 3, 5, 7, 3, 1, 1, 2, false, true, 2",
    })
    void matchesTheSharedKernel(String kind, int inC, int outC, int d, int h, int w, int k, int stride, int pad,
                                int act, boolean residual, boolean offsets, int threads) {
        Random rnd = new Random(inC * 31L + outC * 7L + h * 3L + w + k + stride + act);
        boolean threeD = kind.endsWith("3D");
        boolean transposed = kind.startsWith("DECONV");
        int oh = outSize(h, k, stride, pad, transposed, threeD);
        int ow = outSize(w, k, stride, pad, transposed, threeD);
        int inOff = offsets ? 37 : 0;
        int outOff = offsets ? 11 : 0;
        int resOff = residual ? (offsets ? 5 : 0) : -1;
        int outSize = outC * d * oh * ow;
        float[] in = random(rnd, inOff + inC * d * h * w + (offsets ? 23 : 0), 1f);
        int taps = threeD ? k * k * k : k * k;
        float[] weight = random(rnd, inC * outC * taps, (float) (1 / Math.sqrt(inC * taps)));
        float[] bias = random(rnd, outC, 0.5f);
        float[] res = residual ? random(rnd, resOff + outSize + 3, 1f) : null;
        int outLength = outOff + outSize + (offsets ? 9 : 0);

        Tensor inT = flat(0, in.length);
        Tensor outT = flat(1, outLength);
        Tensor resT = residual ? flat(2, res.length) : null;
        Conv conv = new Conv("conv", Stage.FEATURES, new View(inT, inOff, inC, d, h, w),
                new FoldedConv(null, weight, bias), residual ? new View(resT, resOff, outC, d, oh, ow) : null,
                new View(outT, outOff, outC, d, oh, ow), new ConvGeometry(threeD, transposed, k, stride, pad, act));
        float[] expected = Comparison.sentinel(outLength);
        float[] actual = Comparison.sentinel(outLength);
        FastOp op = FastOp.of(conv, arrays(in, actual, res));
        assertNotNull(op, "the fast path should take this shape");
        try (ParallelLoop loop = new ParallelLoop(threads)) {
            ReferenceLaunch.of(conv, arrays(in, expected, res)).run(new float[0], loop);
            op.run(new float[op.scratchSize()], loop);
        }
        Comparison.assertClose(expected, actual, TOLERANCE);
    }

    @Test
    void shapesItCannotStageRunTheSharedKernel() {
        Conv k5 = new Conv("k5", Stage.FEATURES, new Tensor(0, 2, 1, 10, 10).all(),
                new FoldedConv(null, new float[150], new float[3]), null, new Tensor(1, 3, 1, 10, 10).all(),
                new ConvGeometry(false, false, 5, 1, 2, Activation.NONE));
        assertNull(FastOp.of(k5, arrays(new float[200], new float[300], null)));
    }

    /** A one-dimensional tensor: the test lays views into it at offsets. */
    static Tensor flat(int id, int n) {
        return new Tensor(id, n, 1, 1, 1);
    }

    /** Tensor ids 0, 1, 2 are the input, the output and the residual. */
    static TensorArrays arrays(float[] in, float[] out, float[] res) {
        return t -> switch (t.id()) {
            case 0 -> in;
            case 1 -> out;
            default -> res;
        };
    }

    private static int outSize(int in, int k, int stride, int pad, boolean transposed, boolean threeD) {
        if (transposed) {
            // 3-D transposed layers carry output padding stride-1 (tb3): out = in * stride.
            return threeD ? in * stride : (in - 1) * stride - 2 * pad + k;
        }
        return (in + 2 * pad - k) / stride + 1;
    }

    static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return a;
    }
}
