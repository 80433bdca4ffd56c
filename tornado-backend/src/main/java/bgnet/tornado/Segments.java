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
 * it would exceed {@code maxTasks} tasks or {@code maxArrays} distinct arrays.
 */
final class Segments {
    static final int MAX_TASKS = 32;
    static final int MAX_ARRAYS = 160;

    /** One future TaskGraph: consecutive ops of one stage. */
    record Segment(Stage stage, List<BoundOp> ops) {
    }

    private Segments() {
    }

    static List<Segment> split(List<BoundOp> ops) {
        return split(ops, MAX_TASKS, MAX_ARRAYS);
    }

    static List<Segment> split(List<BoundOp> ops, int maxTasks, int maxArrays) {
        List<Segment> out = new ArrayList<>();
        List<BoundOp> current = new ArrayList<>();
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BoundOp op : ops) {
            int added = countNew(op, arrays);
            boolean full = current.size() + 1 > maxTasks || arrays.size() + added > maxArrays;
            if (!current.isEmpty() && (current.get(0).op().stage() != op.op().stage() || full)) {
                out.add(new Segment(current.get(0).op().stage(), List.copyOf(current)));
                current.clear();
                arrays.clear();
            }
            current.add(op);
            arrays.addAll(op.arrays());
        }
        if (!current.isEmpty()) {
            out.add(new Segment(current.get(0).op().stage(), List.copyOf(current)));
        }
        return out;
    }

    private static int countNew(BoundOp op, Set<Object> seen) {
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
