package bgnet.tornado;

import bgnet.model.network.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Cuts the op list into runs that each become one TaskGraph. TornadoVM 5.2 builds a fixed graph of at
 * most 1024 nodes per TaskGraph (about three per distinct array, two per task), so a whole network
 * does not fit in one; a run ends at every stage boundary (so that stages can be timed) and before
 * it would exceed {@code maxTasks} tasks (an op may add several) or {@code maxArrays} distinct arrays.
 */
final class Segments {
    static final int MAX_TASKS = 32;
    static final int MAX_ARRAYS = 160;

    /** One future TaskGraph: consecutive ops of one stage. */
    record Segment<A>(Stage stage, List<DeviceOp<A>> ops) {
    }

    private Segments() {
    }

    static <A> List<Segment<A>> split(List<DeviceOp<A>> ops) {
        return split(ops, MAX_TASKS, MAX_ARRAYS);
    }

    static <A> List<Segment<A>> split(List<DeviceOp<A>> ops, int maxTasks, int maxArrays) {
        List<Segment<A>> out = new ArrayList<>();
        List<DeviceOp<A>> current = new ArrayList<>();
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        int tasks = 0;
        for (DeviceOp<A> op : ops) {
            int added = countNew(op, arrays);
            boolean full = tasks + op.taskCount() > maxTasks || arrays.size() + added > maxArrays;
            if (!current.isEmpty() && (current.get(0).op().stage() != op.op().stage() || full)) {
                out.add(new Segment<>(current.get(0).op().stage(), List.copyOf(current)));
                current.clear();
                arrays.clear();
                tasks = 0;
            }
            current.add(op);
            tasks += op.taskCount();
            arrays.addAll(op.arrays());
        }
        if (!current.isEmpty()) {
            out.add(new Segment<>(current.get(0).op().stage(), List.copyOf(current)));
        }
        return out;
    }

    private static int countNew(DeviceOp<?> op, Set<Object> seen) {
        int n = 0;
        Set<Object> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object a : op.arrays()) {
            if (!seen.contains(a) && mine.add(a)) {
                n++;
            }
        }
        return n;
    }
}
