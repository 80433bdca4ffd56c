package bgnet.tornado;

import bgnet.kernels.device.ConvGeometry;
import bgnet.model.network.Conv;
import bgnet.model.network.KernelParams;
import bgnet.tornado.device.DeviceConv;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A convolution on the device tier ({@link DeviceConv}): its input staged with a zero halo into the
 * graph's scratch array, then register-blocked output channels × positions with repacked weights.
 * Only the repacked constants go to the device; the checkpoint-layout weights stay on the host.
 */
final class BlockedConvTask implements DeviceOp<FloatArray> {
    private final BoundOp<FloatArray> bound;
    private final DeviceConv conv;
    private final FloatArray residual;
    private final List<Object> constants;
    /** The convolution just before this one in the same graph left this very staged input in the scratch. */
    private boolean stagedAlready;

    private BlockedConvTask(BoundOp<FloatArray> bound, DeviceConv conv, ProgramArrays<FloatArray> arrays) {
        this.bound = bound;
        this.conv = conv;
        this.constants = new ArrayList<>(conv.constants());
        if (((Conv) bound.op()).residual() != null) {
            residual = bound.read(1);
        } else {
            residual = arrays.standIn();
            constants.add(residual);
        }
    }

    /** The device tier's form of a convolution, or null when its staged layout cannot serve the shape. */
    static BlockedConvTask of(BoundOp<FloatArray> bound, DeviceGrids grids, ProgramArrays<FloatArray> arrays) {
        return of(bound, prepare((Conv) bound.op(), grids), arrays);
    }

    /** The task around weights {@link #prepare} made (null when it made none). */
    static BlockedConvTask of(BoundOp<FloatArray> bound, DeviceConv conv, ProgramArrays<FloatArray> arrays) {
        return conv == null ? null : new BlockedConvTask(bound, conv, arrays);
    }

    /**
     * A convolution's weights repacked for the device, or null when its staged layout cannot serve the
     * shape. Touches nothing shared, so a program's convolutions can be prepared on several threads.
     */
    static DeviceConv prepare(Conv c, DeviceGrids grids) {
        try {
            return DeviceConv.of(geometry(c), c.weights().weight(), c.weights().bias(), grids);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The device tier's view of a planned convolution (2-D ones as depth-1 3-D ones). */
    static ConvGeometry geometry(Conv c) {
        int[] p = KernelParams.of(c);
        boolean t = c.geometry().transposed();
        return c.geometry().threeD() ? ConvGeometry.of3d(p, t) : ConvGeometry.of2d(p, t);
    }

    @Override
    public BoundOp<FloatArray> bound() {
        return bound;
    }

    @Override
    public List<Object> constants() {
        return constants;
    }

    /**
     * Told which op runs just before this one in the same graph: a basic block's conv1 and its 1x1
     * shortcut stage the same input the same way, so the second skips its staging launch.
     */
    void followOn(DeviceOp<FloatArray> previous) {
        stagedAlready = previous instanceof BlockedConvTask p && p.reads().get(0) == reads().get(0)
                && p.writes() != reads().get(0) && conv.readsSameStaging(p.conv);
    }

    @Override
    public int taskCount() {
        return 2;
    }

    @Override
    public int scratchLength() {
        return conv.stagedLength();
    }

    @Override
    public List<String> addTasks(TaskGraph graph, String graphName, String name, FloatArray scratch,
                                 GridScheduler grids) {
        if (stagedAlready) {
            conv.addConv(graph, name, residual, bound.writes(), scratch);
            conv.addGrid(grids, graphName, name, false);
            return List.of(name + "_conv");
        }
        conv.addTasks(graph, name, bound.read(0), residual, bound.writes(), scratch);
        conv.addGrid(grids, graphName, name);
        return List.of(name + "_stage", name + "_conv");
    }
}
