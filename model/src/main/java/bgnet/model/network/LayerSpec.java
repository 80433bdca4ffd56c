package bgnet.model.network;

/**
 * One convolution as the checkpoint stores it.
 *
 * @param weightKey  state-dict key of the weight
 * @param shape      weight shape ([out,in,k..] for convolutions, [in,out,k..] for transposed ones)
 * @param transposed a ConvTranspose layer
 * @param bnPrefix   prefix of the BatchNorm stored with it ("x.1", "x.bn"), or null
 * @param bnApplied  false for the feature extractor's BatchNorms, which upstream stores but never runs
 * @param hasBias    the convolution has its own bias (only the refinement's final_conv)
 */
public record LayerSpec(String weightKey, int[] shape, boolean transposed, String bnPrefix,
                        boolean bnApplied, boolean hasBias) {

    public int outChannels() {
        return transposed ? shape[1] : shape[0];
    }

    public int inChannels() {
        return transposed ? shape[0] : shape[1];
    }

    public int kernel() {
        return shape[2];
    }

    /** The key prefix shared by the weight (and bias): the weight key without ".weight". */
    public String convPrefix() {
        return weightKey.substring(0, weightKey.length() - ".weight".length());
    }
}
