package bgnet.tornado.device;

import bgnet.kernels.device.BlockedConvPlan;
import uk.ac.manchester.tornado.api.WorkerGrid;
import uk.ac.manchester.tornado.api.WorkerGrid1D;
import uk.ac.manchester.tornado.api.WorkerGrid2D;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.TornadoDeviceType;

/**
 * Launch geometry of the device tier, in one place: the work-group sizes of a device profile and the
 * grids they give each task. Dimension 0 (positions) is padded to a whole number of groups; the
 * kernels skip the stores of the padded work-items, and {@link BlockedConvPlan#stagedLength(int)}
 * sizes the staged buffer for what they read.
 *
 * @param convGroup  work-items per group along the positions of a blocked convolution
 * @param stageGroup work-items per group of the staging copy
 * @param pairs      16 output channels per work-item ({@link DeviceConvTasks#blockedPairs}) instead of 8
 */
public record DeviceGrids(int convGroup, int stageGroup, boolean pairs) {
    /** PoCL and other CPU devices: groups a few AVX-512 vectors long (one vector lane per work-item). */
    public static final DeviceGrids CPU = new DeviceGrids(16, 16, true);
    /** GPUs: whole warps / wavefronts, several per group. */
    public static final DeviceGrids GPU = new DeviceGrids(128, 64, false);

    public DeviceGrids {
        if (convGroup <= 0 || stageGroup <= 0) {
            throw new IllegalArgumentException("work-group sizes must be positive, got " + convGroup + ", " + stageGroup);
        }
    }

    /** The profile for a device's type: CPU for CPUs, GPU for everything else (GPUs, accelerators). */
    public static DeviceGrids forDevice(TornadoDevice device) {
        return device.getDeviceType() == TornadoDeviceType.CPU ? CPU : GPU;
    }

    /** (positions padded to convGroup) × blocks (or block pairs), groups of convGroup × 1. */
    public WorkerGrid conv(BlockedConvPlan plan) {
        WorkerGrid2D grid = new WorkerGrid2D(plan.paddedWorkItems(convGroup), pairs ? plan.blockPairs() : plan.blocks());
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
