package bgnet.model.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every convolution of BGNet / BGNet+ with its checkpoint key and shape, as the forward pass's wiring
 * declares them ({@link ProgramBuilder#layout}): the list that strict checkpoint validation and weight
 * lookup both use.
 */
public final class BGNetLayout {
    private final Map<String, LayerSpec> layers;

    private BGNetLayout(Map<String, LayerSpec> layers) {
        this.layers = layers;
    }

    /** The layers {@link ProgramBuilder}'s wiring declares for {@code architecture}. */
    public static BGNetLayout of(Architecture architecture) {
        return new BGNetLayout(ProgramBuilder.layout(architecture));
    }

    /** Layers by conv prefix (weight key without ".weight"), in the order the forward pass first uses them. */
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
