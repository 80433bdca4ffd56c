package bgnet.tornado;

import bgnet.model.network.Op;
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
    record Segment(Stage stage, List<Op> ops) {
    }

    private Segments() {
    }

    static List<Segment> split(List<Op> ops) {
        return split(ops, MAX_TASKS, MAX_ARRAYS);
    }

    static List<Segment> split(List<Op> ops, int maxTasks, int maxArrays) {
        List<Segment> out = new ArrayList<>();
        List<Op> current = new ArrayList<>();
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Op op : ops) {
            int added = countNew(op, arrays);
            boolean full = current.size() + 1 > maxTasks || arrays.size() + added > maxArrays;
            if (!current.isEmpty() && (current.get(0).stage() != op.stage() || full)) {
                out.add(new Segment(current.get(0).stage(), List.copyOf(current)));
                current.clear();
                arrays.clear();
            }
            current.add(op);
            arrays.add(op.params());
            arrays.addAll(List.of(op.arrays()));
        }
        if (!current.isEmpty()) {
            out.add(new Segment(current.get(0).stage(), List.copyOf(current)));
        }
        return out;
    }

    private static int countNew(Op op, Set<Object> seen) {
        int n = seen.contains(op.params()) ? 0 : 1;
        for (float[] a : op.arrays()) {
            if (!seen.contains(a)) {
                n++;
            }
        }
        return n;
    }
}
