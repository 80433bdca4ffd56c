package bgnet.model.backend;

import bgnet.model.network.Stage;

import java.util.EnumMap;
import java.util.Map;

/** Accumulated wall time per stage, in nanoseconds. */
public final class StageTimes {
    private final EnumMap<Stage, Long> nanos = new EnumMap<>(Stage.class);

    public void add(Stage stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    public Map<Stage, Long> nanos() {
        return nanos;
    }

    public void clear() {
        nanos.clear();
    }
}
