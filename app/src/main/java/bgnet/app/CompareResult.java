package bgnet.app;

import java.util.Map;

/**
 * One device's row of `bgnet compare`. Times in milliseconds; {@code kernelMs}/{@code copyMs} are the
 * device profiler's per-frame means (NaN without --profile or on the JVM); {@code maxAbsDiff} is
 * against the JVM's disparity (0 for the JVM itself, NaN when there is no reference); {@code stageMs}
 * is the mean time per frame of each stage (by label, in order; empty without --profile).
 */
record CompareResult(String id, String description, double firstRunMs, double medianMs, double minMs,
                     double maxAbsDiff, double kernelMs, double copyMs, Map<String, Double> stageMs, String error) {

    static CompareResult failed(String id, String description, String error) {
        return new CompareResult(id, description, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Map.of(), error);
    }

    double fps() {
        return 1000.0 / medianMs;
    }
}
