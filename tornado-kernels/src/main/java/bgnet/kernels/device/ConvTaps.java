package bgnet.kernels.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The taps of a convolution that reach outputs of one parity class, over a staged input whose
 * {@link StagedLayout#tapOffset} turns a tap into one constant offset. Shared by every staged
 * convolution: the JVM's fast path and the TornadoVM device tier.
 */
public final class ConvTaps {
    private ConvTaps() {
    }

    /**
     * The taps reaching outputs of parity (py, px) as {staged offset, index in the kernel}, in kernel order
     * (the reference kernels' summation order). A convolution reads input (od + kd - padD, oy*stride + ky - pad,
     * ..); a transposed one reads (od + padD - kd, (oy + pad - ky) / stride, ..) where that division is exact.
     */
    public static List<int[]> of(boolean transposed, int kernel, int kernelD, int stride, int pad, int padD,
                                 StagedLayout in, int py, int px) {
        List<int[]> taps = new ArrayList<>();
        for (int kd = 0; kd < kernelD; kd++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int index = (kd * kernel + ky) * kernel + kx;
                    if (!transposed) {
                        taps.add(new int[] {in.tapOffset(kd - padD, ky - pad, kx - pad), index});
                        continue;
                    }
                    int ty = py + pad - ky;
                    int tx = px + pad - kx;
                    if (Math.floorMod(ty, stride) == 0 && Math.floorMod(tx, stride) == 0) {
                        taps.add(new int[] {in.tapOffset(padD - kd, Math.floorDiv(ty, stride), Math.floorDiv(tx, stride)),
                            index});
                    }
                }
            }
        }
        return taps;
    }
}
