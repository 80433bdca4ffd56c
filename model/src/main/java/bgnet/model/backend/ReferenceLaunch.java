package bgnet.model.backend;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import bgnet.model.network.Bilinear;
import bgnet.model.network.Conv;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.KernelParams;
import bgnet.model.network.Op;
import bgnet.model.network.ReluAdd;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.WarpDifference;

/**
 * An op bound to its arrays, running the shared per-element kernel of {@code bgnet.kernels} over
 * the thread pool: the JVM's counterpart of a TaskGraph's reference task, and the tests' oracle.
 */
public final class ReferenceLaunch {
    /** A per-element kernel: computes output element {@code i}. */
    private interface Element {
        void compute(int i);
    }

    private ReferenceLaunch() {
    }

    public static Launch of(Op op, TensorArrays b) {
        int[] p = KernelParams.of(op);
        Element e = switch (op) {
            case Conv c -> conv(c, b, p);
            case Correlation c -> {
                float[] l = b.of(c.left().tensor());
                float[] r = b.of(c.right().tensor());
                float[] out = b.of(c.out().tensor());
                yield i -> CostVolumeKernels.groupwiseCorrelation(l, r, out, p, i);
            }
            case SliceRegress s -> {
                float[] grid = b.of(s.grid().tensor());
                float[] guide = b.of(s.guide().tensor());
                float[] half = b.of(s.half().tensor());
                // Without a confidence output the kernel writes none (p says so): any array stands in.
                float[] confidence = s.confidence() == null ? half : b.of(s.confidence().tensor());
                yield i -> BilateralSliceKernels.sliceRegress(grid, guide, half, confidence, p, i);
            }
            case Bilinear r -> {
                float[] in = b.of(r.in().tensor());
                float[] out = b.of(r.out().tensor());
                yield i -> ResampleKernels.bilinear(in, out, p, i);
            }
            case WarpDifference w -> {
                float[] d = b.of(w.disparity().tensor());
                float[] l = b.of(w.left().tensor());
                float[] r = b.of(w.right().tensor());
                float[] out = b.of(w.out().tensor());
                yield i -> RefinementKernels.warpDifference(d, l, r, out, p, i);
            }
            case ReluAdd r -> {
                float[] a = b.of(r.a().tensor());
                float[] c = b.of(r.b().tensor());
                float[] out = b.of(r.out().tensor());
                yield i -> RefinementKernels.reluAdd(a, c, out, p, i);
            }
            case Copy c -> {
                float[] src = b.of(c.src().tensor());
                float[] dst = b.of(c.dst().tensor());
                yield i -> TensorKernels.copy(src, dst, p, i);
            }
        };
        int n = KernelParams.size(op);
        return (scratch, loop) -> loop.forRange(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                e.compute(i);
            }
        });
    }

    private static Element conv(Conv c, TensorArrays b, int[] p) {
        float[] in = b.of(c.in().tensor());
        float[] w = c.weights().weight();
        float[] bias = c.weights().bias();
        float[] res = c.residual() == null ? new float[0] : b.of(c.residual().tensor());
        float[] out = b.of(c.out().tensor());
        boolean t = c.geometry().transposed();
        if (c.geometry().threeD()) {
            return t ? i -> Conv3dKernels.deconv3d(in, w, bias, res, out, p, i)
                    : i -> Conv3dKernels.conv3d(in, w, bias, res, out, p, i);
        }
        return t ? i -> Conv2dKernels.deconv2d(in, w, bias, res, out, p, i)
                : i -> Conv2dKernels.conv2d(in, w, bias, res, out, p, i);
    }
}
