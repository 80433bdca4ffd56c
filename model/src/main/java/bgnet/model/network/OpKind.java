package bgnet.model.network;

/**
 * The kernels a forward pass is made of, each naming its argument order in {@link Op#arrays()}.
 * Every backend maps a kind to the same static kernel in {@code bgnet.kernels}.
 */
public enum OpKind {
    /** {in, weight, bias, residual, out}: Conv2dKernels.conv2d */
    CONV2D,
    /** {in, weight, bias, residual, out}: Conv2dKernels.deconv2d */
    DECONV2D,
    /** {in, weight, bias, residual, out}: Conv3dKernels.conv3d */
    CONV3D,
    /** {in, weight, bias, residual, out}: Conv3dKernels.deconv3d */
    DECONV3D,
    /** {left, right, out}: CostVolumeKernels.groupwiseCorrelation */
    GWC_VOLUME,
    /** {grid, guide, half}: BilateralSliceKernels.sliceRegress */
    SLICE_REGRESS,
    /** {in, out}: ResampleKernels.bilinear */
    BILINEAR,
    /** {disp, left, right, out}: RefinementKernels.warpDifference */
    WARP_DIFFERENCE,
    /** {a, b, out}: RefinementKernels.reluAdd */
    RELU_ADD,
    /** {src, dst}: TensorKernels.copy */
    COPY
}
