package bgnet.tornado;

import bgnet.model.network.Bilinear;
import bgnet.model.network.Conv;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.ReluAdd;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.WarpDifference;
import bgnet.tornado.device.DeviceElementTasks;
import bgnet.tornado.device.DeviceSliceTasks;
import bgnet.tornado.device.SliceRegressTasks;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.List;

/**
 * Every op but the convolutions on the device tier: @Parallel tasks over off-heap arrays
 * ({@link DeviceElementTasks}, {@link DeviceSliceTasks}, {@link SliceRegressTasks}) that take the reference
 * kernel's parameters. One task per op, but two for the slicing + regression: the sliced planes go through
 * the graph's scratch array from the first to the second.
 *
 * @param standIn the slicing's confidence argument when it has no confidence output (a one-element constant,
 *                never written), else null
 */
record ElementTask(BoundOp<FloatArray> bound, FloatArray standIn) implements DeviceOp<FloatArray> {

    ElementTask(BoundOp<FloatArray> bound) {
        this(bound, bound.op() instanceof SliceRegress s && s.confidence() == null ? new FloatArray(1) : null);
    }

    @Override
    public List<Object> constants() {
        return standIn == null ? List.of(bound.params()) : List.of(bound.params(), standIn);
    }

    @Override
    public int taskCount() {
        return bound.op() instanceof SliceRegress ? 2 : 1;
    }

    /** The slicing's planes, sampled once per pixel, between its two tasks. */
    @Override
    public int scratchLength() {
        return bound.op() instanceof SliceRegress ? DeviceSliceTasks.slicedLength(bound.params()) : 0;
    }

    @Override
    public List<String> addTasks(TaskGraph g, String graphName, String task, FloatArray scratch, GridScheduler grids) {
        FloatArray out = bound.writes();
        int[] p = bound.params();
        int n = bound.size();
        switch (bound.op()) {
            case Correlation c -> g.task(task, DeviceElementTasks::correlation, bound.read(0), bound.read(1), out, p,
                    DeviceElementTasks.correlationItems(p));
            case SliceRegress s -> {
                g.task(task + "_slice", DeviceSliceTasks::slicePlanes, bound.read(0), bound.read(1), scratch, p, n);
                g.task(task + "_regress", SliceRegressTasks::regress16, scratch, out,
                        s.confidence() == null ? standIn : bound.output(1), p, SliceRegressTasks.items16(p));
                return List.of(task + "_slice", task + "_regress");
            }
            case Bilinear b -> g.task(task, DeviceElementTasks::bilinear, bound.read(0), out, p, n);
            case WarpDifference w -> g.task(task, DeviceElementTasks::warpDifference, bound.read(0), bound.read(1),
                    bound.read(2), out, p, n);
            case ReluAdd r -> g.task(task, DeviceElementTasks::reluAdd, bound.read(0), bound.read(1), out, n);
            case Copy c -> g.task(task, DeviceElementTasks::copy, bound.read(0), out, p, n);
            case Conv c -> throw new IllegalArgumentException("convolution " + c.name() + " is a BlockedConvTask");
        }
        return List.of(task);
    }
}
