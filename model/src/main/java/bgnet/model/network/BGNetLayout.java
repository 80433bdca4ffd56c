package bgnet.model.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every convolution of BGNet / BGNet+ with its checkpoint key and shape: the single list that both
 * strict checkpoint validation and weight lookup use. Key styles follow upstream's module tree:
 * {@code x.0}/{@code x.1} for Sequential conv+BN, {@code x.conv}/{@code x.bn} for BasicConv,
 * {@code x.conv1}/{@code x.conv2} for Conv2x.
 */
public final class BGNetLayout {
    private static final String FE = "feature_extraction.";
    private static final String CP = "coeffs_disparity_predictor.";
    private static final String RN = "refinement_net.";

    private final Map<String, LayerSpec> layers = new LinkedHashMap<>();

    private BGNetLayout() {
    }

    public static BGNetLayout of(Architecture architecture) {
        BGNetLayout l = new BGNetLayout();
        l.featureExtraction();
        l.costAggregation();
        if (architecture == Architecture.BGNET_PLUS) {
            l.refinement();
        }
        return l;
    }

    /** Layers by conv prefix (weight key without ".weight"), in checkpoint order. */
    public Map<String, LayerSpec> layers() {
        return layers;
    }

    public LayerSpec layer(String convPrefix) {
        LayerSpec s = layers.get(convPrefix);
        if (s == null) {
            throw new IllegalArgumentException("no layer " + convPrefix);
        }
        return s;
    }

    /** Every state-dict key with its shape ([] for num_batches_tracked scalars). */
    public Map<String, int[]> expectedKeys() {
        Map<String, int[]> keys = new LinkedHashMap<>();
        for (LayerSpec s : layers.values()) {
            keys.put(s.weightKey(), s.shape());
            if (s.hasBias()) {
                keys.put(s.convPrefix() + ".bias", new int[] {s.outChannels()});
            }
            if (s.bnPrefix() != null) {
                int[] c = {s.outChannels()};
                for (String suffix : List.of("weight", "bias", "running_mean", "running_var")) {
                    keys.put(s.bnPrefix() + "." + suffix, c);
                }
                keys.put(s.bnPrefix() + ".num_batches_tracked", new int[0]);
            }
        }
        return keys;
    }

    private void featureExtraction() {
        seq2d(FE + "firstconv.0", 1, 32, 3);
        seq2d(FE + "firstconv.1", 32, 32, 3);
        seq2d(FE + "firstconv.2", 32, 32, 3);
        basicBlock(FE + "layer1.0", 32, 32, false);
        basicBlock(FE + "layer2.0", 32, 64, true);
        basicBlock(FE + "layer3.0", 64, 128, true);
        basicBlock(FE + "layer4.0", 128, 128, false);
        seq2d(FE + "reduce", 128, 32, 3);
        // The feature extractor's BasicConv/Conv2x store a BatchNorm that forward() never applies.
        basicConv(FE + "conv1a", 32, 48, 3, false, false);
        basicConv(FE + "conv2a", 48, 64, 3, false, false);
        basicConv(FE + "conv3a", 64, 96, 3, false, false);
        for (String half : List.of("a", "b")) {
            if (half.equals("b")) {
                conv2x(FE + "conv1b", 32, 48, false, false);
                conv2x(FE + "conv2b", 48, 64, false, false);
                conv2x(FE + "conv3b", 64, 96, false, false);
            }
            conv2x(FE + "deconv3" + half, 96, 64, true, false);
            conv2x(FE + "deconv2" + half, 64, 48, true, false);
            conv2x(FE + "deconv1" + half, 48, 32, true, false);
        }
    }

    private void costAggregation() {
        seq3d(CP + "conv1", 16, 32, false);
        seq3d(CP + "conv2", 32, 32, false);
        seq3d(CP + "conv1_1", 32, 64, false);
        seq3d(CP + "conv2_1", 64, 64, false);
        seq3d(CP + "conv3", 64, 128, false);
        seq3d(CP + "conv4", 128, 128, false);
        seq3d(CP + "conv5", 128, 64, true);
        seq3d(CP + "conv6", 64, 32, true);
        seq3d(CP + "conv7", 32, 16, true);
        seq3d(CP + "last_for_guidance", 16, 32, false);
        seq3d("dres0.0", 44, 32, false);
        seq3d("dres0.1", 32, 16, false);
        seq2d("guide.conv1", 32, 16, 1);
        seq2d("guide.conv2", 16, 1, 1);
    }

    private void refinement() {
        seq2d(RN + "conv1", 2, 16, 3);
        seq2d(RN + "conv2", 1, 16, 3);
        seq2d(RN + "conv_start", 32, 32, 3);
        basicConv(RN + "conv1a", 32, 48, 3, false, true);
        basicConv(RN + "conv2a", 48, 64, 3, false, true);
        basicConv(RN + "conv3a", 64, 96, 3, false, true);
        basicConv(RN + "conv4a", 96, 128, 3, false, true);
        for (String half : List.of("a", "b")) {
            if (half.equals("b")) {
                conv2x(RN + "conv1b", 32, 48, false, true);
                conv2x(RN + "conv2b", 48, 64, false, true);
                conv2x(RN + "conv3b", 64, 96, false, true);
                conv2x(RN + "conv4b", 96, 128, false, true);
            }
            conv2x(RN + "deconv4" + half, 128, 96, true, true);
            conv2x(RN + "deconv3" + half, 96, 64, true, true);
            conv2x(RN + "deconv2" + half, 64, 48, true, true);
            conv2x(RN + "deconv1" + half, 48, 32, true, true);
        }
        add(new LayerSpec(RN + "final_conv.weight", new int[] {1, 32, 3, 3}, false, null, false, true));
    }

    /** Sequential(conv, BatchNorm[, act]) stored as x.0 / x.1. */
    private void seq2d(String p, int in, int out, int k) {
        add(new LayerSpec(p + ".0.weight", new int[] {out, in, k, k}, false, p + ".1", true, false));
    }

    private void seq3d(String p, int in, int out, boolean transposed) {
        int[] shape = transposed ? new int[] {in, out, 3, 3, 3} : new int[] {out, in, 3, 3, 3};
        add(new LayerSpec(p + ".0.weight", shape, transposed, p + ".1", true, false));
    }

    private void basicBlock(String p, int in, int out, boolean downsample) {
        seq2d(p + ".conv1", in, out, 3);
        seq2d(p + ".conv2", out, out, 3);
        if (downsample) {
            add(new LayerSpec(p + ".downsample.0.weight", new int[] {out, in, 1, 1}, false, p + ".downsample.1", true, false));
        }
    }

    /** BasicConv stored as x.conv / x.bn; k=4 transposed for the deconv variants. */
    private void basicConv(String p, int in, int out, int k, boolean transposed, boolean bnApplied) {
        int[] shape = transposed ? new int[] {in, out, k, k} : new int[] {out, in, k, k};
        add(new LayerSpec(p + ".conv.weight", shape, transposed, p + ".bn", bnApplied, false));
    }

    /** Conv2x: conv1 (k3 s2 conv or k4 s2 transposed conv) then conv2 (k3, 2·out → out) on cat(conv1, rem). */
    private void conv2x(String p, int in, int out, boolean deconv, boolean bnApplied) {
        basicConv(p + ".conv1", in, out, deconv ? 4 : 3, deconv, bnApplied);
        basicConv(p + ".conv2", 2 * out, out, 3, false, bnApplied);
    }

    private void add(LayerSpec s) {
        layers.put(s.convPrefix(), s);
    }

    /** Layers whose BatchNorm is stored but never applied (21 in the feature extractor). */
    public List<LayerSpec> unappliedBatchNorms() {
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec s : layers.values()) {
            if (s.bnPrefix() != null && !s.bnApplied()) {
                out.add(s);
            }
        }
        return out;
    }
}
