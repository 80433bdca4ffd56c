package bgnet.app.bench;

import bgnet.model.network.Stage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Timings of the measured passes of one benchmark: per-pass wall times and, per stage, the median
 * over the passes (so the stage figures come from the same passes as the total).
 *
 * @param passMs    wall time of each measured pass, in order
 * @param stageMs   each stage's median time over the passes
 * @param macs      convolution multiply-accumulates of one pass
 * @param peakRssMb peak resident set of the process after the passes, MiB (-1 if unknown)
 */
public record BenchResult(double[] passMs, Map<Stage, Double> stageMs, long macs, double peakRssMb) {

    public BenchResult {
        passMs = passMs.clone();
        stageMs = new EnumMap<>(stageMs);
    }

    public static BenchResult of(List<Double> passes, List<Map<Stage, Double>> stagesPerPass, long macs, double rss) {
        double[] p = passes.stream().mapToDouble(Double::doubleValue).toArray();
        Map<Stage, Double> medians = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            double[] v = stagesPerPass.stream().filter(m -> m.containsKey(s)).mapToDouble(m -> m.get(s)).toArray();
            if (v.length > 0) {
                medians.put(s, median(v));
            }
        }
        return new BenchResult(p, medians, macs, rss);
    }

    public double medianMs() {
        return median(passMs);
    }

    public double minMs() {
        return Arrays.stream(passMs).min().orElse(Double.NaN);
    }

    public double maxMs() {
        return Arrays.stream(passMs).max().orElse(Double.NaN);
    }

    /** Achieved GFLOP/s of the median pass, counting a multiply-accumulate as two operations. */
    public double gflops() {
        return 2.0 * macs / (medianMs() * 1e6);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
