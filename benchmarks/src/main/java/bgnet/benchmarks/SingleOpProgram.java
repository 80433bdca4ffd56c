package bgnet.benchmarks;

import bgnet.kernels.Activation;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.Architecture;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Conv;
import bgnet.model.network.ConvGeometry;
import bgnet.model.network.FoldedConv;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;

import java.util.List;
import java.util.Map;
import java.util.Random;

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
        return program(new Tensor(0, inC, 1, h, w), new Tensor(2, outC, 1, oh, ow),
                new ConvGeometry(false, transposed, k, stride, pad, Activation.LEAKY_RELU), inC * outC * k * k);
    }

    /** Conv3d (cbl3) or ConvTranspose3d (tb3, output padding (0,1,1)), kernel 3, stride (1,s,s). */
    static NetworkProgram conv3d(boolean transposed, int inC, int outC, int d, int h, int w, int stride) {
        int oh = transposed ? h * stride : (h - 1) / stride + 1;
        int ow = transposed ? w * stride : (w - 1) / stride + 1;
        return program(new Tensor(0, inC, d, h, w), new Tensor(2, outC, d, oh, ow),
                new ConvGeometry(true, transposed, 3, stride, 1, Activation.LEAKY_RELU), inC * outC * 27);
    }

    static ProgramRunner prepare(NetworkProgram program, String path, int threads) {
        return new JvmBackend(threads, path.equals("reference")).prepare(program);
    }

    /** Random input of the program's input size (its "left image" is the layer's input). */
    static float[] input(NetworkProgram program) {
        return random(new Random(7), program.left().size(), 1f);
    }

    /** The layer's input is the program's left input; the right one is an unused tensor of the same size. */
    private static NetworkProgram program(Tensor in, Tensor out, ConvGeometry geometry, int weightSize) {
        Random rnd = new Random(42);
        float[] weight = random(rnd, weightSize, 0.05f);
        float[] bias = random(rnd, out.c(), 0.1f);
        Tensor unused = new Tensor(1, in.c(), in.d(), in.h(), in.w());
        Conv op = new Conv("bench", Stage.HOURGLASS, in.all(), new FoldedConv(null, weight, bias), null, out.all(),
                geometry);
        return new NetworkProgram(Architecture.BGNET, 64, 64, List.of(op), List.of(in, unused, out), in, unused, out,
                Map.of());
    }

    private static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return a;
    }
}
