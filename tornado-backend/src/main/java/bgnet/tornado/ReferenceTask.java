package bgnet.tornado;

import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.List;

/** An op as one @Parallel task around its per-element reference kernel; TornadoVM picks the launch geometry. */
record ReferenceTask(BoundOp bound) implements DeviceOp {

    @Override
    public List<Object> constants() {
        return bound.constants();
    }

    @Override
    public int taskCount() {
        return 1;
    }

    @Override
    public List<String> addTasks(TaskGraph graph, String graphName, String name, float[] scratch, GridScheduler grids) {
        OpTasks.add(graph, name, bound);
        return List.of(name);
    }
}
