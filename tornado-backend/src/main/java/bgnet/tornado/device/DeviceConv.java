package bgnet.tornado.device;

import bgnet.kernels.device.BlockedConvPlan;
import bgnet.kernels.device.ConvGeometry;
import bgnet.kernels.device.WinogradPlan;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat16;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat8;

import java.util.List;

/**
 * One convolution on the device tier, prepared once when the network is planned: what it needs on the
 * device and the two tasks it adds to a TaskGraph.
 * <pre>
 *   task  prefix + "_stage": in (@inOff)          -> staged      {@link DeviceConvTasks#stage}
 *   task  prefix + "_conv" : staged, res (@resOff) -> out (@outOff) {@link DeviceConvTasks#blockedPairs}
 *                                                   (or {@link DeviceConvTasks#blocked}, or
 *                                                   {@link WideConvTasks} with 16-wide vectors, or
 *                                                   {@link WinogradTasks} for 3x3 stride-1 layers, or
 *                                                   {@link NarrowConvTasks} for 1-2 output channels, by profile)
 * </pre>
 * {@link #constants()} go to the device once (FIRST_EXECUTION). The scratch array passed to
 * {@link #addTasks} is device-only working memory (keep it on the device like an activation; it never
 * needs copying back); convolutions may share one scratch array of at least every one's
 * {@link #stagedLength()}, since each stages its input right before reading it. The conv task's grid must be registered with
 * {@link #addGrid} under the graph's name, and the plan must use that GridScheduler.
 */
public final class DeviceConv {
    private final BlockedConvPlan plan;
    private final DeviceGrids grids;
    /** The repacked weights as the kernel reads them: a VectorFloat8, a VectorFloat16 or (narrow) a FloatArray. */
    private final Object packed;
    private final FloatArray bias;

    /** The Winograd form of a 3x3 stride-1 convolution where the profile uses it, else null. */
    private final WinogradPlan winograd;

    private DeviceConv(BlockedConvPlan plan, WinogradPlan winograd, DeviceGrids grids) {
        this.plan = plan;
        this.grids = grids;
        this.winograd = winograd;
        if (winograd != null) {
            this.packed = WinogradTasks.vectors(winograd.transformedWeights());
            this.bias = FloatArray.fromArray(winograd.paddedBias());
        } else if (grids.narrow(plan.shape())) {
            this.packed = FloatArray.fromArray(plan.packedWeights());
            this.bias = FloatArray.fromArray(plan.paddedBias());
        } else {
            this.packed = grids.vectorWidth() == 16 ? WideConvTasks.vectors(plan.packedWeights16())
                    : DeviceConvTasks.vectors(plan.packedWeights());
            this.bias = FloatArray.fromArray(plan.paddedBias());
        }
    }

    /**
     * Prepares a convolution: weights in PyTorch's layout for it ([outC][inC][k..], or [inC][outC][k..]
     * when transposed), bias [outC] (BatchNorm folded).
     *
     * @throws IllegalArgumentException when the staged layout cannot serve the shape (see {@link BlockedConvPlan#of})
     */
    public static DeviceConv of(ConvGeometry shape, float[] weight, float[] bias, DeviceGrids grids) {
        WinogradPlan winograd = grids.winograd() && WinogradPlan.supports(shape) && !grids.narrow(shape)
                ? WinogradPlan.of(shape, weight, bias) : null;
        return new DeviceConv(BlockedConvPlan.of(shape, weight, bias, grids.channelsPerItem(shape)), winograd, grids);
    }

    /** Floats the staged scratch buffer needs. */
    public int stagedLength() {
        return grids.stagedLength(plan);
    }

    /** A scratch buffer of its own, when the caller does not share one. */
    public FloatArray newScratch() {
        return new FloatArray(stagedLength());
    }

    /** Objects to copy to the device once: params, offsets, repacked weights and padded bias. */
    public List<Object> constants() {
        if (winograd != null) {
            return List.of(plan.stageParams(), winograd.params(), packed, bias);
        }
        return List.of(plan.stageParams(), plan.params(), plan.offsets(), packed, bias);
    }

    /** Whether the convolution task is the Winograd kernel ({@link WinogradTasks}). */
    public boolean isWinograd() {
        return winograd != null;
    }

    /**
     * Adds the staging and the convolution task. {@code in}, {@code res} and {@code out} are the op's
     * arrays (with the offsets of its shape); {@code res} is any array when the shape has no residual.
     */
    public void addTasks(TaskGraph graph, String prefix, FloatArray in, FloatArray res, FloatArray out,
                         FloatArray scratch) {
        addStage(graph, prefix, in, scratch);
        addConv(graph, prefix, res, out, scratch);
    }

    /** The staging task alone ({@code prefix + "_stage"}). */
    public void addStage(TaskGraph graph, String prefix, FloatArray in, FloatArray scratch) {
        requireScratch(scratch);
        graph.task(prefix + "_stage", DeviceConvTasks::stage, in, scratch, plan.stageParams(), grids.stageRows(plan));
    }

    /**
     * The convolution task alone ({@code prefix + "_conv"}): when {@link #readsSameStaging} says the
     * previous convolution left exactly this staged input in {@code scratch} (a basic block's conv1 and
     * its 1x1 shortcut), its staging can be skipped.
     */
    public void addConv(TaskGraph graph, String prefix, FloatArray res, FloatArray out, FloatArray scratch) {
        requireScratch(scratch);
        if (winograd != null) {
            graph.task(prefix + "_conv", WinogradTasks::winograd, scratch, (VectorFloat16) packed, bias, res, out,
                    winograd.params(), grids.paddedTiles(winograd), winograd.blocks());
            return;
        }
        int workItems = plan.paddedWorkItems(grids.convGroup());
        if (grids.narrow(plan.shape())) {
            graph.task(prefix + "_conv", NarrowConvTasks::narrow, scratch, plan.offsets(), (FloatArray) packed, bias,
                    res, out, plan.params(), workItems, NarrowConvTasks.items(plan.params()));
            return;
        }
        int channels = grids.launchChannels(plan);
        int items = plan.channelGroups(channels);
        String id = prefix + "_conv";
        if (grids.vectorWidth() == 16) {
            VectorFloat16 w = (VectorFloat16) packed;
            if (channels == 32) {
                graph.task(id, WideConvTasks::widePairs, scratch, plan.offsets(), w, bias, res, out, plan.params(),
                        workItems, items);
            } else {
                graph.task(id, WideConvTasks::wide, scratch, plan.offsets(), w, bias, res, out, plan.params(),
                        workItems, items);
            }
        } else if (channels == 16) {
            graph.task(id, DeviceConvTasks::blockedPairs, scratch, plan.offsets(), (VectorFloat8) packed, bias, res,
                    out, plan.params(), workItems, items);
        } else {
            graph.task(id, DeviceConvTasks::blocked, scratch, plan.offsets(), (VectorFloat8) packed, bias, res, out,
                    plan.params(), workItems, items);
        }
    }

    /** Whether {@code other} stages the same input region into the same layout as this one. */
    public boolean readsSameStaging(DeviceConv other) {
        return java.util.Arrays.equals(plan.stageParams(), other.plan.stageParams());
    }

    private void requireScratch(FloatArray scratch) {
        if (scratch.getSize() < stagedLength()) {
            throw new IllegalArgumentException("scratch holds " + scratch.getSize() + " floats, needs " + stagedLength());
        }
    }

    /**
     * Registers both tasks' grids for graph {@code graphName}. A grid is required: the tasks are written
     * for exactly these padded grids.
     */
    public void addGrid(GridScheduler scheduler, String graphName, String prefix) {
        addGrid(scheduler, graphName, prefix, true);
    }

    /** Registers the convolution's grid, and the staging's when {@code withStage} (see {@link #addConv}). */
    public void addGrid(GridScheduler scheduler, String graphName, String prefix, boolean withStage) {
        scheduler.addWorkerGrid(graphName + "." + prefix + "_conv",
                winograd != null ? grids.winograd(winograd) : grids.conv(plan));
        if (withStage) {
            scheduler.addWorkerGrid(graphName + "." + prefix + "_stage", grids.stage(plan));
        }
    }

    public BlockedConvPlan plan() {
        return plan;
    }

    /** Multiply-accumulates of one launch. */
    public long macs() {
        return plan.shape().macs();
    }
}
