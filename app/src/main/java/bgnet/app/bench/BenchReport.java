package bgnet.app.bench;

import bgnet.model.network.Stage;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** A benchmark's figures as a table for people and as JSON for scripts (same numbers in both). */
public record BenchReport(String model, String backend, int width, int height, int warmup, int threads,
                          BenchResult result) {

    public String summary() {
        BenchResult r = result;
        return String.format(Locale.ROOT, "%s on %s, %dx%d, %d passes after %d warm-up%n"
                        + "  median %.1f ms   min %.1f ms   max %.1f ms%n"
                        + "  %.2f GMAC per pass -> %.1f GFLOP/s   peak RSS %.0f MB%n",
                model, backend, width, height, r.passMs().length, warmup,
                r.medianMs(), r.minMs(), r.maxMs(), r.macs() / 1e9, r.gflops(), r.peakRssMb());
    }

    /** Median time per stage, its share of the summed stages, in execution order. */
    public String stageTable() {
        Map<Stage, Double> st = result.stageMs();
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
        BenchResult r = result;
        StringJoiner stages = new StringJoiner(", ", "{", "}");
        for (Map.Entry<Stage, Double> e : r.stageMs().entrySet()) {
            stages.add(quote(e.getKey().name().toLowerCase(Locale.ROOT)) + ": " + num(e.getValue()));
        }
        StringJoiner passes = new StringJoiner(", ", "[", "]");
        for (double p : r.passMs()) {
            passes.add(num(p));
        }
        return "{\n"
                + "  \"model\": " + quote(model) + ",\n"
                + "  \"backend\": " + quote(backend) + ",\n"
                + "  \"width\": " + width + ",\n"
                + "  \"height\": " + height + ",\n"
                + "  \"threads\": " + threads + ",\n"
                + "  \"warmup\": " + warmup + ",\n"
                + "  \"runs\": " + r.passMs().length + ",\n"
                + "  \"median_ms\": " + num(r.medianMs()) + ",\n"
                + "  \"min_ms\": " + num(r.minMs()) + ",\n"
                + "  \"max_ms\": " + num(r.maxMs()) + ",\n"
                + "  \"pass_ms\": " + passes + ",\n"
                + "  \"gmac\": " + num(r.macs() / 1e9) + ",\n"
                + "  \"gflops\": " + num(r.gflops()) + ",\n"
                + "  \"peak_rss_mb\": " + num(r.peakRssMb()) + ",\n"
                + "  \"stages\": " + stages + "\n"
                + "}\n";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "null";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
