package bgnet.model.backend.fast;

import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.model.network.Op;
import bgnet.model.network.OpKind;

/**
 * One convolution launch's geometry with 2-D layers seen as 3-D ones of depth 1 (kernel depth 1, no
 * depth padding), so one fast path serves CONV2D, DECONV2D, CONV3D and DECONV3D.
 *
 * @param kernelD kernel depth: 1 for 2-D, {@code kernel} for 3-D
 * @param padD    depth padding: 0 for 2-D, {@code pad} for 3-D (the depth stride is always 1)
 * @param resOff  element offset of the residual, -1 for none
 */
public record ConvShape(boolean transposed, int inOff, int inC, int inD, int inH, int inW,
                        int outOff, int outC, int outD, int outH, int outW,
                        int kernel, int kernelD, int stride, int pad, int padD, int act, int resOff) {

    public static boolean handles(OpKind kind) {
        return kind == OpKind.CONV2D || kind == OpKind.DECONV2D || kind == OpKind.CONV3D || kind == OpKind.DECONV3D;
    }

    public static ConvShape of(Op op) {
        int[] p = op.params();
        return switch (op.kind()) {
            case CONV2D, DECONV2D -> new ConvShape(op.kind() == OpKind.DECONV2D,
                    p[Conv2dKernels.IN_OFF], p[Conv2dKernels.IN_C], 1, p[Conv2dKernels.IN_H], p[Conv2dKernels.IN_W],
                    p[Conv2dKernels.OUT_OFF], p[Conv2dKernels.OUT_C], 1, p[Conv2dKernels.OUT_H], p[Conv2dKernels.OUT_W],
                    p[Conv2dKernels.KERNEL], 1, p[Conv2dKernels.STRIDE], p[Conv2dKernels.PAD], 0,
                    p[Conv2dKernels.ACT], p[Conv2dKernels.RES_OFF]);
            case CONV3D, DECONV3D -> new ConvShape(op.kind() == OpKind.DECONV3D,
                    p[Conv3dKernels.IN_OFF], p[Conv3dKernels.IN_C], p[Conv3dKernels.IN_D], p[Conv3dKernels.IN_H],
                    p[Conv3dKernels.IN_W], p[Conv3dKernels.OUT_OFF], p[Conv3dKernels.OUT_C], p[Conv3dKernels.OUT_D],
                    p[Conv3dKernels.OUT_H], p[Conv3dKernels.OUT_W], p[Conv3dKernels.KERNEL], p[Conv3dKernels.KERNEL],
                    p[Conv3dKernels.STRIDE], p[Conv3dKernels.PAD], p[Conv3dKernels.PAD],
                    p[Conv3dKernels.ACT], p[Conv3dKernels.RES_OFF]);
            default -> throw new IllegalArgumentException("not a convolution: " + op.kind());
        };
    }

    /** Taps per output in the kernel's own layout: kernelD * kernel * kernel. */
    public int taps() {
        return kernelD * kernel * kernel;
    }

    public int outVolume() {
        return outD * outH * outW;
    }
}
