package bgnet.model.backend;

import bgnet.model.network.Stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulated time per stage and, where the backend can tell, per op (by index in the program), in
 * nanoseconds. Stage times are wall times; op times are wall times on the JVM and the device's own
 * kernel times on TornadoVM (there only with profiling on).
 */
public final class StageTimes {
    private final EnumMap<Stage, Long> nanos = new EnumMap<>(Stage.class);
    private final Map<Integer, Long> opNanos = new TreeMap<>();

    public void add(Stage stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    public void addOp(int opIndex, long elapsedNanos) {
        opNanos.merge(opIndex, elapsedNanos, Long::sum);
    }

    public Map<Stage, Long> nanos() {
        return nanos;
    }

    /** Op index to nanoseconds, in program order; empty where the backend does not time ops. */
    public Map<Integer, Long> opNanos() {
        return opNanos;
    }

    public void clear() {
        nanos.clear();
        opNanos.clear();
    }
}
