package bgnet.kernels.device;

import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;

/**
 * One convolution's shape, 2-D layers seen as 3-D ones of depth 1 (kernel depth 1, no depth padding),
 * so one device path serves conv2d, deconv2d, conv3d and deconv3d. Read from the reference kernels'
 * int parameters, which is what the network plan holds for every convolution.
 *
 * @param kernelD kernel depth: 1 for 2-D, {@code kernel} for 3-D
 * @param padD    depth padding: 0 for 2-D, {@code pad} for 3-D (the depth stride is always 1)
 * @param resOff  element offset of the residual, -1 for none
 */
public record ConvGeometry(boolean transposed, int inOff, int inC, int inD, int inH, int inW,
                           int outOff, int outC, int outD, int outH, int outW,
                           int kernel, int kernelD, int stride, int pad, int padD, int act, int resOff) {

    /** A 2-D (transposed when {@code transposed}) convolution from {@link Conv2dKernels#params}. */
    public static ConvGeometry of2d(int[] p, boolean transposed) {
        return new ConvGeometry(transposed, p[Conv2dKernels.IN_OFF], p[Conv2dKernels.IN_C], 1, p[Conv2dKernels.IN_H],
                p[Conv2dKernels.IN_W], p[Conv2dKernels.OUT_OFF], p[Conv2dKernels.OUT_C], 1, p[Conv2dKernels.OUT_H],
                p[Conv2dKernels.OUT_W], p[Conv2dKernels.KERNEL], 1, p[Conv2dKernels.STRIDE], p[Conv2dKernels.PAD], 0,
                p[Conv2dKernels.ACT], p[Conv2dKernels.RES_OFF]);
    }

    /** A 3-D (transposed when {@code transposed}) convolution from {@link Conv3dKernels#params}. */
    public static ConvGeometry of3d(int[] p, boolean transposed) {
        return new ConvGeometry(transposed, p[Conv3dKernels.IN_OFF], p[Conv3dKernels.IN_C], p[Conv3dKernels.IN_D],
                p[Conv3dKernels.IN_H], p[Conv3dKernels.IN_W], p[Conv3dKernels.OUT_OFF], p[Conv3dKernels.OUT_C],
                p[Conv3dKernels.OUT_D], p[Conv3dKernels.OUT_H], p[Conv3dKernels.OUT_W], p[Conv3dKernels.KERNEL],
                p[Conv3dKernels.KERNEL], p[Conv3dKernels.STRIDE], p[Conv3dKernels.PAD], p[Conv3dKernels.PAD],
                p[Conv3dKernels.ACT], p[Conv3dKernels.RES_OFF]);
    }

    /** Taps per output in the kernel's own weight layout: kernelD * kernel * kernel. */
    public int taps() {
        return kernelD * kernel * kernel;
    }

    public int outVolume() {
        return outD * outH * outW;
    }

    /** Multiply-accumulates of one launch (for GFLOP/s figures); a transposed layer counts only real taps. */
    public long macs() {
        long perOutput = (long) inC * taps();
        long outputs = (long) outC * outVolume();
        return transposed ? outputs * perOutput / ((long) stride * stride) : outputs * perOutput;
    }
}
