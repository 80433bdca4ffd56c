package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.device.BlockedConvPlan;
import bgnet.kernels.device.ConvGeometry;
import bgnet.kernels.device.WinogradPlan;
import uk.ac.manchester.tornado.api.WorkerGrid;
import uk.ac.manchester.tornado.api.WorkerGrid1D;
import uk.ac.manchester.tornado.api.WorkerGrid2D;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.TornadoDeviceType;

/**
 * Launch geometry of the device tier, in one place: the work-group sizes and vector width of a device
 * profile, the output channels each convolution's work-items take, and the grids that gives each task.
 * Dimension 0 (positions) is padded to a whole number of groups; the kernels skip the stores of the
 * padded work-items, and {@link BlockedConvPlan#stagedLength(int)} sizes the staged buffer for what
 * they read.
 * <pre>
 *   vectorWidth 8  ({@link DeviceConvTasks}):  8 channels per work-item, 16 with pairs
 *   vectorWidth 16 ({@link WideConvTasks}):   16 channels per work-item, 32 with pairs where a layer has
 *                                             more than 16 output channels
 * </pre>
 *
 * @param convGroup   work-items per group along the positions of a blocked convolution
 * @param stageGroup  work-items per group of the staging copy
 * @param vectorWidth floats per vector of the convolution kernels: 8 or 16
 * @param pairs       two vectors of output channels per work-item (each broadcast input feeds two FMAs)
 * @param winograd    3x3 stride-1 2-D convolutions by Winograd's F(2x2, 3x3) ({@link WinogradTasks}, 16-wide
 *                    vectors only: 16 accumulator vectors per work-item suit a CPU core, not a GPU thread)
 */
public record DeviceGrids(int convGroup, int stageGroup, int vectorWidth, boolean pairs, boolean winograd) {
    /** CPUs with 8-float vectors (AVX2): groups a few vectors long, 16 channels per work-item. */
    public static final DeviceGrids CPU = new DeviceGrids(16, 16, 8, true, false);
    /** CPUs with 16-float vectors (AVX-512): 16-wide vectors, 32 channels per work-item where a layer has them. */
    public static final DeviceGrids CPU_WIDE = new DeviceGrids(16, 16, 16, true, false);
    /**
     * {@link #CPU_WIDE} with the 3x3(x3) stride-1 layers by Winograd. Opt-in
     * ({@code -Dbgnet.tornado.winograd=true}): on PoCL it measured 2-3x slower than the direct 16-wide
     * kernel (see {@link WinogradTasks}).
     */
    public static final DeviceGrids CPU_WINOGRAD = new DeviceGrids(16, 16, 16, true, true);
    /** GPUs: whole warps / wavefronts, several per group; 8 channels (8 accumulator vectors) per work-item. */
    public static final DeviceGrids GPU = new DeviceGrids(128, 64, 8, false, false);

    public DeviceGrids {
        if (convGroup <= 0 || stageGroup <= 0) {
            throw new IllegalArgumentException("work-group sizes must be positive, got " + convGroup + ", " + stageGroup);
        }
        if (vectorWidth != 8 && vectorWidth != 16) {
            throw new IllegalArgumentException("vector width must be 8 or 16, got " + vectorWidth);
        }
        if (winograd && vectorWidth != 16) {
            throw new IllegalArgumentException("the Winograd kernel needs 16-wide vectors");
        }
    }

    /** An 8-wide profile (the original form). */
    public DeviceGrids(int convGroup, int stageGroup, boolean pairs) {
        this(convGroup, stageGroup, 8, pairs, false);
    }

    /**
     * The profile for a device: for CPUs the one of their preferred float vector width
     * ({@link DeviceVectorWidth}), GPU for everything else (GPUs, accelerators).
     */
    public static DeviceGrids forDevice(TornadoDevice device) {
        if (device.getDeviceType() != TornadoDeviceType.CPU) {
            return GPU;
        }
        if (DeviceVectorWidth.of(device) < 16) {
            return CPU;
        }
        return DeviceVectorWidth.winograd() ? CPU_WINOGRAD : CPU_WIDE;
    }

    /** The Winograd kernel's grid: output tiles padded to convGroup × blocks of 16 channels. */
    public WorkerGrid winograd(WinogradPlan plan) {
        WorkerGrid2D grid = new WorkerGrid2D(paddedTiles(plan), plan.blocks());
        grid.setLocalWork(convGroup, 1, 1);
        return grid;
    }

    /** Dimension 0 of the Winograd launch: tiles rounded up to whole groups. */
    public int paddedTiles(WinogradPlan plan) {
        return Math.ceilDiv(plan.tiles(), convGroup) * convGroup;
    }

    /** Output channels one work-item of {@code shape}'s convolution accumulates (what its plan pads to). */
    public int channelsPerItem(ConvGeometry shape) {
        if (vectorWidth == 16) {
            return pairs && shape.outC() > 16 ? 32 : 16;
        }
        // The 8-wide plans pad to pairs of blocks either way (the GPU form simply takes one block at a time).
        return 16;
    }

    /**
     * Whether {@code shape}'s convolution runs as {@link NarrowConvTasks} (a vector across positions, one
     * channel per work-item): on 16-wide profiles, for layers of at most two output channels, where a
     * vector across channels would be nearly all padding; and on every profile for tanh layers (the
     * guide's one channel), which the blocked kernels' store (the activation by its slope,
     * {@link DeviceConvStores#row8}) does not apply.
     */
    public boolean narrow(ConvGeometry shape) {
        return vectorWidth == 16 && shape.outC() <= 2 || shape.act() == Activation.TANH;
    }

    /** Output channels per work-item of this plan's launch. */
    int launchChannels(BlockedConvPlan plan) {
        if (vectorWidth == 16) {
            return channelsPerItem(plan.shape());
        }
        return pairs ? 16 : 8;
    }

    /** (positions padded to convGroup) × channel groups of every class, groups of convGroup × 1. */
    public WorkerGrid conv(BlockedConvPlan plan) {
        int items = narrow(plan.shape()) ? NarrowConvTasks.items(plan.params()) : plan.channelGroups(launchChannels(plan));
        WorkerGrid2D grid = new WorkerGrid2D(plan.paddedWorkItems(convGroup), items);
        grid.setLocalWork(convGroup, 1, 1);
        return grid;
    }

    /**
     * Work-items of the staging launch: the staged rows rounded up to whole groups. With a grid,
     * TornadoVM runs a @Parallel loop over the whole grid (its own bound is not checked); the padded
     * rows do nothing.
     */
    public int stageRows(BlockedConvPlan plan) {
        return Math.ceilDiv(plan.stagedLayout().rows(), stageGroup) * stageGroup;
    }

    /** The staging copy's grid: {@link #stageRows} in groups of stageGroup. */
    public WorkerGrid stage(BlockedConvPlan plan) {
        WorkerGrid1D grid = new WorkerGrid1D(stageRows(plan));
        grid.setLocalWork(stageGroup, 1, 1);
        return grid;
    }

    /** Staged buffer length for {@code plan} under this profile's padding. */
    public int stagedLength(BlockedConvPlan plan) {
        return plan.stagedLength(convGroup);
    }
}
