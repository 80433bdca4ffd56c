package bgnet.model.network;

import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.checkpoint.TensorData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's weights, checked as strictly as PyTorch's {@code load_state_dict(strict=True)} and
 * with every applied BatchNorm folded into its convolution.
 */
public final class BGNetWeights {
    /** PyTorch BatchNorm's default epsilon. */
    public static final double BN_EPS = 1e-5;

    private final Architecture architecture;
    private final Map<String, FoldedConv> convs;
    private final long parameterCount;
    private final int tensorCount;

    private BGNetWeights(Architecture architecture, Map<String, FoldedConv> convs, long parameterCount, int tensorCount) {
        this.architecture = architecture;
        this.convs = convs;
        this.parameterCount = parameterCount;
        this.tensorCount = tensorCount;
    }

    public static BGNetWeights from(StateDict sd) throws CheckpointException {
        Architecture arch = detect(sd);
        BGNetLayout layout = BGNetLayout.of(arch);
        validate(sd, layout, arch);
        Map<String, FoldedConv> convs = new LinkedHashMap<>();
        for (LayerSpec spec : layout.layers().values()) {
            convs.put(spec.convPrefix(), fold(sd, spec));
        }
        long params = 0;
        for (String key : sd.keys()) {
            if (!key.endsWith(".running_mean") && !key.endsWith(".running_var") && !key.endsWith(".num_batches_tracked")) {
                params += sd.get(key).numel();
            }
        }
        return new BGNetWeights(arch, convs, params, sd.size());
    }

    public Architecture architecture() {
        return architecture;
    }

    public FoldedConv conv(String convPrefix) {
        FoldedConv c = convs.get(convPrefix);
        if (c == null) {
            throw new IllegalArgumentException("no layer " + convPrefix + " in " + architecture.displayName());
        }
        return c;
    }

    public boolean has(String convPrefix) {
        return convs.containsKey(convPrefix);
    }

    /** Learnable parameters (conv weights and biases, BatchNorm weights and biases), as PyTorch counts them. */
    public long parameterCount() {
        return parameterCount;
    }

    public int tensorCount() {
        return tensorCount;
    }

    public int layerCount() {
        return convs.size();
    }

    private static Architecture detect(StateDict sd) throws CheckpointException {
        boolean features = false;
        boolean refinement = false;
        for (String key : sd.keys()) {
            features |= key.startsWith("feature_extraction.");
            refinement |= key.startsWith("refinement_net.");
        }
        if (!features) {
            throw new CheckpointException(sd.source(), "not a BGNet checkpoint (no feature_extraction.* keys among "
                    + sd.size() + " tensors)");
        }
        return refinement ? Architecture.BGNET_PLUS : Architecture.BGNET;
    }

    private static void validate(StateDict sd, BGNetLayout layout, Architecture arch) throws CheckpointException {
        Map<String, int[]> expected = layout.expectedKeys();
        List<String> missing = new ArrayList<>();
        List<String> wrongShape = new ArrayList<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            TensorData t = sd.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue())) {
                wrongShape.add(e.getKey() + " has shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(e.getValue()));
            } else if (!e.getKey().endsWith(".num_batches_tracked") && t.values() == null) {
                wrongShape.add(e.getKey() + " has dtype " + t.dtype() + ", expected a float tensor");
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : sd.keys()) {
            if (!expected.containsKey(key)) {
                unexpected.add(key);
            }
        }
        String where = "does not match " + arch.displayName();
        if (!missing.isEmpty()) {
            throw new CheckpointException(sd.source(), where + ": missing key " + summarise(missing));
        }
        if (!wrongShape.isEmpty()) {
            throw new CheckpointException(sd.source(), where + ": " + summarise(wrongShape));
        }
        if (!unexpected.isEmpty()) {
            throw new CheckpointException(sd.source(), where + ": unexpected key " + summarise(unexpected));
        }
    }

    private static String summarise(List<String> items) {
        String first = items.getFirst();
        return items.size() == 1 ? first : first + " (and " + (items.size() - 1) + " more)";
    }

    /** w' = w·γ/√(σ²+ε) per output channel, b' = β − μ·γ/√(σ²+ε) (+ the conv's own bias, scaled). */
    private static FoldedConv fold(StateDict sd, LayerSpec spec) {
        float[] w = sd.get(spec.weightKey()).values().clone();
        int outC = spec.outChannels();
        float[] convBias = spec.hasBias() ? sd.get(spec.convPrefix() + ".bias").values() : new float[outC];
        if (spec.bnPrefix() == null || !spec.bnApplied()) {
            return new FoldedConv(spec, w, convBias.clone());
        }
        float[] gamma = sd.get(spec.bnPrefix() + ".weight").values();
        float[] beta = sd.get(spec.bnPrefix() + ".bias").values();
        float[] mean = sd.get(spec.bnPrefix() + ".running_mean").values();
        float[] var = sd.get(spec.bnPrefix() + ".running_var").values();
        double[] scale = new double[outC];
        float[] bias = new float[outC];
        for (int o = 0; o < outC; o++) {
            scale[o] = gamma[o] / Math.sqrt(var[o] + BN_EPS);
            bias[o] = (float) (beta[o] + (convBias[o] - mean[o]) * scale[o]);
        }
        int taps = 1;
        for (int d = 2; d < spec.shape().length; d++) {
            taps *= spec.shape()[d];
        }
        for (int a = 0; a < spec.shape()[0]; a++) {
            for (int b = 0; b < spec.shape()[1]; b++) {
                int o = spec.transposed() ? b : a;
                int base = (a * spec.shape()[1] + b) * taps;
                for (int t = 0; t < taps; t++) {
                    w[base + t] = (float) (w[base + t] * scale[o]);
                }
            }
        }
        return new FoldedConv(spec, w, bias);
    }
}
