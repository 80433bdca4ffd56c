package bgnet.benchmarks;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.Architecture;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.model.network.OpKind;
import bgnet.model.network.Stage;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One convolution layer of BGNet at 384x1280 as a one-launch program on random data, so a benchmark
 * times exactly what the JVM backend runs for that launch (staging and store included).
 */
final class SingleOpProgram {
    private SingleOpProgram() {
    }

    /** Conv2d / ConvTranspose2d, batch 1, LeakyReLU, no residual. */
    static NetworkProgram conv2d(boolean transposed, int inC, int outC, int h, int w, int k, int stride, int pad) {
        int oh = transposed ? (h - 1) * stride - 2 * pad + k : (h + 2 * pad - k) / stride + 1;
        int ow = transposed ? (w - 1) * stride - 2 * pad + k : (w + 2 * pad - k) / stride + 1;
        int[] p = Conv2dKernels.params(0, inC, h, w, 0, outC, oh, ow, k, stride, pad, Activation.LEAKY_RELU, -1);
        return program(transposed ? OpKind.DECONV2D : OpKind.CONV2D, p, inC * h * w, inC * outC * k * k, outC,
                outC * oh * ow);
    }

    /** Conv3d (cbl3) or ConvTranspose3d (tb3, output padding (0,1,1)), kernel 3, stride (1,s,s). */
    static NetworkProgram conv3d(boolean transposed, int inC, int outC, int d, int h, int w, int stride) {
        int oh = transposed ? h * stride : (h - 1) / stride + 1;
        int ow = transposed ? w * stride : (w - 1) / stride + 1;
        int[] p = Conv3dKernels.params(0, inC, d, h, w, 0, outC, d, oh, ow, 3, stride, 1, Activation.LEAKY_RELU, -1);
        return program(transposed ? OpKind.DECONV3D : OpKind.CONV3D, p, inC * d * h * w, inC * outC * 27, outC,
                outC * d * oh * ow);
    }

    static ProgramRunner prepare(NetworkProgram program, String path, int threads) {
        return new JvmBackend(threads, path.equals("reference")).prepare(program);
    }

    private static NetworkProgram program(OpKind kind, int[] p, int inSize, int weightSize, int outC, int outSize) {
        Random rnd = new Random(42);
        float[] in = random(rnd, inSize, 1f);
        float[] weight = random(rnd, weightSize, 0.05f);
        float[] bias = random(rnd, outC, 0.1f);
        float[] out = new float[outSize];
        float[] noResidual = new float[1];
        Op op = new Op("bench", Stage.HOURGLASS, kind, new float[][] {in, weight, bias, noResidual, out}, p, outSize);
        return new NetworkProgram(Architecture.BGNET, 64, 64, List.of(op), new float[1], new float[1], out,
                Set.of(weight, bias, noResidual), Map.of());
    }

    private static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return a;
    }
}
