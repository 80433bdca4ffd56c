package bgnet.model.network;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;

/**
 * An op flattened into the {@code int[]} its per-element reference kernel takes, and that kernel's
 * launch size (independent output elements). The only place that knows the kernels' parameter layouts.
 * Kernels other than convolutions and copies address whole tensors, so their views must be whole.
 */
public final class KernelParams {
    private KernelParams() {
    }

    public static int[] of(Op op) {
        return switch (op) {
            case Conv c -> conv(c);
            case Correlation c -> CostVolumeKernels.params(whole(c.left()).c(), c.groups(), c.disparities(),
                    c.left().h(), c.left().w());
            case SliceRegress s -> sliceRegress(s);
            case Bilinear b -> ResampleKernels.params(whole(b.in()).h(), b.in().w(), whole(b.out()).h(), b.out().w(),
                    b.stepNum(), b.stepDen(), b.valueScale());
            case WarpDifference wd -> RefinementKernels.params(whole(wd.disparity()).h(), wd.disparity().w());
            case ReluAdd r -> RefinementKernels.params(whole(r.out()).h(), r.out().w());
            case Copy c -> TensorKernels.params(c.src().offset(), c.dst().offset(), c.src().size());
        };
    }

    /** The parallel loop's length: one work item per output element (per pixel for the per-pixel kernels). */
    public static int size(Op op) {
        return switch (op) {
            case Conv c -> c.out().size();
            case Correlation c -> c.out().size();
            case SliceRegress s -> s.half().size();
            case Bilinear b -> b.out().size();
            case WarpDifference wd -> wd.disparity().size();
            case ReluAdd r -> r.out().size();
            case Copy c -> c.src().size();
        };
    }

    /** The confidence flag is set only when the op has that output, which must be as whole as the disparity. */
    private static int[] sliceRegress(SliceRegress s) {
        boolean confidence = s.confidence() != null;
        View c = confidence ? whole(s.confidence()) : null;
        if (c != null && (c.c() != 1 || c.h() != s.half().h() || c.w() != s.half().w())) {
            throw new IllegalArgumentException(s.name() + ": the confidence must have the half-resolution disparity's shape");
        }
        return BilateralSliceKernels.params(s.planes(), s.bins(), whole(s.grid()).h(), s.grid().w(),
                whole(s.half()).h(), s.half().w(), s.levels(), confidence);
    }

    private static int[] conv(Conv c) {
        ConvGeometry g = c.geometry();
        View in = c.in();
        View out = c.out();
        int resOff = c.residual() == null ? -1 : c.residual().offset();
        if (g.threeD()) {
            return Conv3dKernels.params(in.offset(), in.c(), in.d(), in.h(), in.w(), out.offset(), out.c(), out.d(),
                    out.h(), out.w(), g.kernel(), g.stride(), g.pad(), g.activation(), resOff);
        }
        return Conv2dKernels.params(in.offset(), in.c(), in.h(), in.w(), out.offset(), out.c(), out.h(), out.w(),
                g.kernel(), g.stride(), g.pad(), g.activation(), resOff);
    }

    private static View whole(View v) {
        if (!v.whole()) {
            throw new IllegalArgumentException("this kernel addresses whole tensors, got a view at offset " + v.offset());
        }
        return v;
    }
}
