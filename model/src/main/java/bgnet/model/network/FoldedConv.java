package bgnet.model.network;

/**
 * A convolution ready to run: BatchNorm (when upstream applies it) folded into weight and bias.
 *
 * @param spec   what the checkpoint stores
 * @param weight same layout as the checkpoint's weight
 * @param bias   one value per output channel (zeros for a bias-free conv without BatchNorm)
 */
public record FoldedConv(LayerSpec spec, float[] weight, float[] bias) {
}
