package bgnet.tornado;

import bgnet.model.network.Op;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * One op of the plan as the TornadoVM tasks that compute it: a reference task ({@link ReferenceTask})
 * or a device-tier kernel pair ({@link BlockedConvTask}). It names the activation arrays it reads and
 * writes (handed from graph to graph on the device) and the constants it needs there once.
 */
interface DeviceOp {

    /** The op bound to its host arrays. */
    BoundOp bound();

    default Op op() {
        return bound().op();
    }

    /** Activation arrays read (shared by liveness, living on the device). */
    default List<float[]> reads() {
        return bound().reads();
    }

    /** The activation array written. */
    default float[] writes() {
        return bound().writes();
    }

    /** Objects copied to the device on the first execution only (weights, parameters). */
    List<Object> constants();

    /** Tasks it adds. */
    int taskCount();

    /** Floats of working memory it needs in its graph's scratch array (0: none). */
    default int scratchLength() {
        return 0;
    }

    /**
     * Adds its tasks to {@code graph} (named {@code graphName}) with ids starting with {@code name},
     * registering their launch geometry in {@code grids} where it sets one; returns the task ids.
     */
    List<String> addTasks(TaskGraph graph, String graphName, String name, float[] scratch, GridScheduler grids);

    /** Every object its tasks touch, for sizing TaskGraphs. */
    default List<Object> arrays() {
        List<Object> all = new ArrayList<>(reads());
        all.add(writes());
        all.addAll(constants());
        return all;
    }
}
