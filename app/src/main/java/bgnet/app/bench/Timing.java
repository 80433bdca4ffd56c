package bgnet.app.bench;

import bgnet.model.backend.KernelSetup;
import bgnet.model.backend.SetupSplit;
import bgnet.model.network.Stage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link BackendTimer} measured, in milliseconds.
 *
 * @param description backend and device in words
 * @param setupMs     preparing the backend on the program (weights repacked or uploaded, graphs built)
 * @param firstRunMs  from the start of the setup to the end of the first pass (JIT or kernel compilation happens there)
 * @param frameMs     each timed pass, in order
 * @param stageMs     each timed pass's stage times (empty unless stages were asked for)
 * @param opMs        each timed pass's op times by op index (empty unless stages were asked for and the
 *                    backend times ops: always on the JVM, with profiling on TornadoVM)
 * @param kernelMs    the device profiler's kernel time per timed pass (empty where there is none)
 * @param copyMs      the device profiler's copy time (in + out) per timed pass (empty where there is none)
 * @param disparity   the program's disparity after the last pass (padded size), a copy
 * @param kernels     where a device backend's kernel preparation went (null on the JVM)
 */
public record Timing(String description, double setupMs, double firstRunMs, double[] frameMs,
                     List<Map<Stage, Double>> stageMs, List<Map<Integer, Double>> opMs, Stats kernelMs, Stats copyMs,
                     float[] disparity, KernelSetup kernels) {

    public Timing {
        frameMs = frameMs.clone();
        stageMs = List.copyOf(stageMs);
        opMs = List.copyOf(opMs);
    }

    /** Setup minus the kernels' compile and driver time: graph building, weights, uploads (NaN on the JVM). */
    public double setupOtherMs() {
        return new SetupSplit(setupMs, kernels).otherMs();
    }

    /** Each timed op's times over the passes that recorded it, by op index in program order. */
    public Map<Integer, Stats> ops() {
        Map<Integer, Stats> out = new java.util.TreeMap<>();
        java.util.Set<Integer> indices = new java.util.TreeSet<>();
        opMs.forEach(m -> indices.addAll(m.keySet()));
        for (int i : indices) {
            out.put(i, Stats.of(opMs.stream().filter(m -> m.containsKey(i)).mapToDouble(m -> m.get(i)).toArray()));
        }
        return out;
    }

    /** Median, min, max, ... of the timed passes. */
    public Stats frames() {
        return Stats.of(frameMs);
    }

    /** Each stage's times over the timed passes that recorded it, in execution order. */
    public Map<Stage, Stats> stages() {
        Map<Stage, Stats> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            double[] v = stageMs.stream().filter(m -> m.containsKey(s)).mapToDouble(m -> m.get(s)).toArray();
            if (v.length > 0) {
                out.put(s, Stats.of(v));
            }
        }
        return out;
    }
}
