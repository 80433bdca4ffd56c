package bgnet.model.network;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Folding holds: conv with folded weights == conv with the checkpoint's raw weights followed by
 * eval-mode BatchNorm {@code (x - mean) / sqrt(var + eps) * weight + bias} (the unfused reference).
 */
class BatchNormFoldingTest {
    static StateDict sd;
    static BGNetWeights weights;

    @BeforeAll
    static void load() throws Exception {
        sd = StateDict.read(Fixtures.file("bgnet_plus_random.pth"));
        weights = BGNetWeights.from(sd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature_extraction.firstconv.1.0", "guide.conv1.0", "refinement_net.conv1a.conv",
            "refinement_net.deconv2a.conv1.conv", "dres0.0.0", "coeffs_disparity_predictor.conv6.0"})
    void foldedEqualsConvThenBatchNorm(String prefix) {
        FoldedConv folded = weights.conv(prefix);
        LayerSpec s = folded.spec();
        assertTrue(s.bnApplied());
        boolean is3d = s.shape().length == 5;
        int inC = s.inChannels();
        int outC = s.outChannels();
        int d = is3d ? 3 : 1;
        int h = 6;
        int w = 8;
        int oh = s.transposed() ? (is3d ? 2 * h : 2 * h) : h;
        int ow = s.transposed() ? 2 * w : w;
        int pad = s.kernel() == 1 ? 0 : 1;
        float[] in = new float[inC * d * h * w];
        Random rnd = new Random(7);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) rnd.nextGaussian();
        }
        float[] raw = sd.get(s.weightKey()).values();
        float[] foldedOut = convolve(s, in, folded.weight(), folded.bias(), d, h, w, oh, ow, pad);
        float[] rawOut = convolve(s, in, raw, new float[outC], d, h, w, oh, ow, pad);
        float[] gamma = sd.get(s.bnPrefix() + ".weight").values();
        float[] beta = sd.get(s.bnPrefix() + ".bias").values();
        float[] mean = sd.get(s.bnPrefix() + ".running_mean").values();
        float[] var = sd.get(s.bnPrefix() + ".running_var").values();
        int per = rawOut.length / outC;
        for (int o = 0; o < outC; o++) {
            for (int i = 0; i < per; i++) {
                double x = rawOut[o * per + i];
                double expected = (x - mean[o]) / Math.sqrt(var[o] + 1e-5) * gamma[o] + beta[o];
                assertEquals(expected, foldedOut[o * per + i], 1e-4 * (1 + Math.abs(expected)), prefix + " channel " + o);
            }
        }
    }

    private static float[] convolve(LayerSpec s, float[] in, float[] w, float[] b, int d, int h, int wd, int oh, int ow, int pad) {
        int outC = s.outChannels();
        int stride = s.transposed() ? 2 : 1;
        float[] none = new float[1];
        if (s.shape().length == 5) {
            float[] out = new float[outC * d * oh * ow];
            int[] p = Conv3dKernels.params(0, s.inChannels(), d, h, wd, 0, outC, d, oh, ow, 3, stride, 1, Activation.NONE, -1);
            for (int i = 0; i < out.length; i++) {
                if (s.transposed()) {
                    Conv3dKernels.deconv3d(in, w, b, none, out, p, i);
                } else {
                    Conv3dKernels.conv3d(in, w, b, none, out, p, i);
                }
            }
            return out;
        }
        float[] out = new float[outC * oh * ow];
        int[] p = Conv2dKernels.params(0, s.inChannels(), h, wd, 0, outC, oh, ow, s.kernel(), stride, pad, Activation.NONE, -1);
        for (int i = 0; i < out.length; i++) {
            if (s.transposed()) {
                Conv2dKernels.deconv2d(in, w, b, none, out, p, i);
            } else {
                Conv2dKernels.conv2d(in, w, b, none, out, p, i);
            }
        }
        return out;
    }
}
