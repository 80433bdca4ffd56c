package bgnet.model.network;

import bgnet.kernels.Activation;

/**
 * How a convolution maps its input to its output.
 *
 * @param threeD     3-D (NCDHW, kernel k³, stride on H and W only) or 2-D (NCHW)
 * @param transposed ConvTranspose (weights [in][out][k..]) or Conv (weights [out][in][k..])
 * @param kernel     kernel size k
 * @param stride     stride along H and W
 * @param pad        padding along every axis the kernel spans
 * @param activation {@link Activation} code applied before the residual add
 */
public record ConvGeometry(boolean threeD, boolean transposed, int kernel, int stride, int pad, int activation) {
}
