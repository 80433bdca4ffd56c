package bgnet.tornado;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * The reference tier's TornadoVM tasks, one per kind of {@link bgnet.model.network.Op}: a @Parallel
 * loop over the output elements around the same per-element method the JVM backend calls (TornadoVM
 * inlines it), so the math exists once. {@code n} is the op's size; it is a parameter because TornadoVM sizes the
 * device's iteration space from the loop bound.
 */
public final class TornadoKernels {
    private TornadoKernels() {
    }

    public static void conv2d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            Conv2dKernels.conv2d(in, w, bias, res, out, p, i);
        }
    }

    public static void deconv2d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            Conv2dKernels.deconv2d(in, w, bias, res, out, p, i);
        }
    }

    public static void conv3d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            Conv3dKernels.conv3d(in, w, bias, res, out, p, i);
        }
    }

    public static void deconv3d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            Conv3dKernels.deconv3d(in, w, bias, res, out, p, i);
        }
    }

    public static void groupwiseCorrelation(float[] left, float[] right, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            CostVolumeKernels.groupwiseCorrelation(left, right, out, p, i);
        }
    }

    /**
     * Slicing, 97-level interpolation, softmax and regression fused: the 97-plane volume is never stored.
     * The two steps of {@link BilateralSliceKernels#sliceRegress} are called here one by one, because
     * TornadoVM does not inline a callee of its size.
     */
    public static void sliceRegress(float[] grid, float[] guide, float[] half, float[] confidence, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            BilateralSliceKernels.regress(grid, guide, p, i, BilateralSliceKernels.maxSlice(grid, guide, p, i), half,
                    confidence);
        }
    }

    public static void bilinear(float[] in, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            ResampleKernels.bilinear(in, out, p, i);
        }
    }

    public static void warpDifference(float[] disp, float[] left, float[] right, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            RefinementKernels.warpDifference(disp, left, right, out, p, i);
        }
    }

    public static void reluAdd(float[] a, float[] b, float[] out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            RefinementKernels.reluAdd(a, b, out, p, i);
        }
    }

    public static void copy(float[] src, float[] dst, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            TensorKernels.copy(src, dst, p, i);
        }
    }
}
