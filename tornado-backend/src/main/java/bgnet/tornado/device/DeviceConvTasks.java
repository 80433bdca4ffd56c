package bgnet.tornado.device;

import bgnet.kernels.device.BlockedConvKernels;
import bgnet.kernels.device.StageKernels;
import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * The device tier's convolution tasks around the pure-Java math of {@code bgnet.kernels.device}
 * (TornadoVM inlines it). Dataflow of one convolution, two launches:
 * <pre>
 *   in (NC(D)HW @inOff) --stage--> staged [inC][stride²][planes][rows+1][cols+1] (zero halo)
 *   staged, offsets, packed, bias, res --blocked--> out (NC(D)HW @outOff)
 * </pre>
 * {@code blocked} comes in two forms: a KernelContext kernel (one work-item per (q, blk), its grid set
 * through a {@link uk.ac.manchester.tornado.api.GridScheduler} by {@link DeviceGrids}) and a plain
 * two-level @Parallel loop (TornadoVM picks the geometry), kept for comparison.
 */
public final class DeviceConvTasks {
    private DeviceConvTasks() {
    }

    public static void stage(float[] in, float[] staged, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            StageKernels.stage(in, staged, p, i);
        }
    }

    /** Work-item (globalIdx = wi, globalIdy = blk); the grid is {@code DeviceGrids.conv(...)}. */
    public static void blocked(KernelContext context, float[] staged, int[] offsets, float[] packed, float[] bias,
                               float[] res, float[] out, int[] p) {
        int wi = context.globalIdx;
        int blk = context.globalIdy;
        BlockedConvKernels.accumulate(staged, offsets, packed, out, p, wi, blk);
        BlockedConvKernels.finish(bias, res, out, p, wi, blk);
    }

    /** The same work-items as a @Parallel loop nest: wi innermost (dimension 0), blocks outer. */
    public static void blockedLoops(float[] staged, int[] offsets, float[] packed, float[] bias, float[] res,
                                    float[] out, int[] p, int workItems, int blocks) {
        // The outer @Parallel loop is dimension 0: positions, so that neighbouring work-items read neighbouring data.
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int blk = 0; blk < blocks; blk++) {
                BlockedConvKernels.accumulate(staged, offsets, packed, out, p, wi, blk);
                BlockedConvKernels.finish(bias, res, out, p, wi, blk);
            }
        }
    }
}
