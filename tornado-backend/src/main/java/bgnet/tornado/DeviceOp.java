package bgnet.tornado;

import bgnet.model.network.Op;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * One op of the plan as the TornadoVM tasks that compute it: a reference task ({@link ReferenceTask}),
 * or on the device tier a register-blocked convolution ({@link BlockedConvTask}) or an element task
 * ({@link ElementTask}). It names the activation arrays it reads and writes (handed from graph to
 * graph on the device) and the constants it needs there once.
 *
 * @param <A> the tier's array type
 */
interface DeviceOp<A> {

    /** The op bound to its arrays. */
    BoundOp<A> bound();

    default Op op() {
        return bound().op();
    }

    /** Activation arrays read (shared by liveness, living on the device). */
    default List<A> reads() {
        return bound().reads();
    }

    /** The activation array written (the op's main output). */
    default A writes() {
        return bound().writes();
    }

    /** Every activation array written ({@link #writes()} first). */
    default List<A> outputs() {
        return bound().outputs();
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
     * {@code scratch} is the graph's working memory (null when no op of the graph needs any).
     */
    List<String> addTasks(TaskGraph graph, String graphName, String name, A scratch, GridScheduler grids);

    /** Every object its tasks touch, for sizing TaskGraphs. */
    default List<Object> arrays() {
        List<Object> all = new ArrayList<>(reads());
        all.addAll(outputs());
        all.addAll(constants());
        return all;
    }
}
