package bgnet.app.bench;

import bgnet.model.network.Op;
import bgnet.model.network.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's figures as a table for people and as JSON for scripts (same numbers in both): per-pass
 * statistics over the timed passes, each stage's median over the same passes, setup and first pass apart.
 *
 * @param macs      convolution multiply-accumulates of one pass
 * @param peakRssMb peak resident set of the process after the passes, MiB (-1 if unknown)
 * @param ops       the program's ops, for the per-op figures
 */
public record BenchReport(String model, int width, int height, int warmup, int threads, Timing timing, long macs,
                          double peakRssMb, List<Op> ops) {

    /** Per-op and per-kind times (empty unless the passes timed ops). */
    public OpReport opReport() {
        return new OpReport(ops, ops.isEmpty() ? Map.of() : timing.ops());
    }

    /** Median, min, max of the timed passes. */
    public Stats passes() {
        return timing.frames();
    }

    /** Achieved GFLOP/s of the median pass, counting a multiply-accumulate as two operations. */
    public double gflops() {
        return 2.0 * macs / (passes().median() * 1e6);
    }

    /** Each stage's median time over the timed passes, in execution order. */
    public Map<Stage, Double> stageMedians() {
        Map<Stage, Double> out = new LinkedHashMap<>();
        timing.stages().forEach((stage, stats) -> out.put(stage, stats.median()));
        return out;
    }

    public String summary() {
        Stats p = passes();
        return String.format(Locale.ROOT, "%s on %s, %dx%d, %d passes after %d warm-up%n"
                        + "  median %.1f ms   min %.1f ms   max %.1f ms%n"
                        + "  %.2f GMAC per pass -> %.1f GFLOP/s   peak RSS %.0f MB%n"
                        + "  setup %.1f ms   first run (setup + first pass) %.1f ms%n",
                model, timing.description(), width, height, p.count(), warmup,
                p.median(), p.min(), p.max(), macs / 1e9, gflops(), peakRssMb, timing.setupMs(), timing.firstRunMs())
                + setupSplit(timing);
    }

    /** The set-up's split on a device backend: its compiler, the driver's builds, the rest (one line). */
    public static String setupSplit(Timing timing) {
        if (timing.kernels() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "  setup split: compile (Graal) %.1f ms   driver %.1f ms   other %.1f ms   kernel cache %s%n",
                timing.kernels().compileMs(), timing.kernels().driverMs(), timing.setupOtherMs(), timing.kernels().cache());
    }

    /** Median time per stage, its share of the summed stages, in execution order. */
    public String stageTable() {
        Map<Stage, Double> st = stageMedians();
        double total = st.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-20s %10s %7s%n", "stage", "median ms", "share"));
        for (Map.Entry<Stage, Double> e : st.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %10.1f %6.1f%%%n", e.getKey().label(), e.getValue(),
                    100 * e.getValue() / total));
        }
        sb.append(String.format(Locale.ROOT, "  %-20s %10.1f%n", "sum", total));
        return sb.toString();
    }

    /** Stage keys are the lower-case enum names (features, cost_volume, ...); times in ms. */
    public String json() {
        return JsonReports.toJson(BenchJson.of(this));
    }
}
