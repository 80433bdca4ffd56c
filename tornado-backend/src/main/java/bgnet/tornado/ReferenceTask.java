package bgnet.tornado;

import bgnet.model.network.Conv;
import bgnet.model.network.SliceRegress;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * An op as one @Parallel task around its per-element reference kernel, over heap arrays; TornadoVM
 * picks the launch geometry. Constants: the parameters and, for a convolution, its weights, bias and
 * (without a residual) a stand-in residual; for a slicing without a confidence output, a stand-in for
 * that array (never written): a task has a fixed argument list.
 */
final class ReferenceTask implements DeviceOp<float[]> {
    private final BoundOp<float[]> bound;
    /** The residual of a convolution, the confidence array of the slicing (or their stand-ins); else null. */
    private final float[] extra;
    private final List<Object> constants = new ArrayList<>();

    ReferenceTask(BoundOp<float[]> bound, ProgramArrays<float[]> arrays) {
        this.bound = bound;
        constants.add(bound.params());
        float[] res = null;
        if (bound.op() instanceof Conv c) {
            constants.add(c.weights().weight());
            constants.add(c.weights().bias());
            if (c.residual() != null) {
                res = bound.read(1);
            } else {
                res = arrays.standIn();
                constants.add(res);
            }
        }
        if (bound.op() instanceof SliceRegress s) {
            if (s.confidence() != null) {
                res = bound.output(1);
            } else {
                res = arrays.standIn();
                constants.add(res);
            }
        }
        this.extra = res;
    }

    @Override
    public BoundOp<float[]> bound() {
        return bound;
    }

    @Override
    public List<Object> constants() {
        return constants;
    }

    @Override
    public int taskCount() {
        return 1;
    }

    @Override
    public List<String> addTasks(TaskGraph graph, String graphName, String name, float[] scratch, GridScheduler grids) {
        OpTasks.add(graph, name, bound, extra);
        return List.of(name);
    }
}
