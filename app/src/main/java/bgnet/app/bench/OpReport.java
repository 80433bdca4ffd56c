package bgnet.app.bench;

import bgnet.model.network.Conv;
import bgnet.model.network.Op;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a pass's time goes, op by op and summed per op kind, with GFLOP/s for the convolutions
 * (a multiply-accumulate counts as two operations). Op times are wall times on the JVM and device
 * kernel times on TornadoVM.
 */
public final class OpReport {
    /** One op: its median time over the timed passes. */
    public record Row(String name, String kind, @JsonProperty("median_ms") double medianMs, double gflops) {
    }

    /** One kind of op: summed medians, op count, GFLOP/s over its convolutions. */
    public record KindRow(String kind, int ops, @JsonProperty("median_ms") double medianMs, double gflops) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<KindRow> kinds = new ArrayList<>();

    public OpReport(List<Op> ops, Map<Integer, Stats> times) {
        Map<String, double[]> byKind = new LinkedHashMap<>();
        for (Map.Entry<Integer, Stats> e : new TreeMap<>(times).entrySet()) {
            Op op = ops.get(e.getKey());
            double ms = e.getValue().median();
            long macs = op instanceof Conv c ? c.macs() : 0;
            rows.add(new Row(op.name(), op.kind(), ms, gflops(macs, ms)));
            double[] k = byKind.computeIfAbsent(op.kind(), x -> new double[3]);
            k[0]++;
            k[1] += ms;
            k[2] += macs;
        }
        byKind.forEach((kind, k) -> kinds.add(new KindRow(kind, (int) k[0], k[1], gflops((long) k[2], k[1]))));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<KindRow> kinds() {
        return kinds;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Per kind, then per op; NaN GFLOP/s (ops without multiply-accumulates) prints as "-". */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-16s %5s %10s %9s%n", "op kind", "ops", "median ms",
                "GFLOP/s"));
        for (KindRow k : kinds) {
            sb.append(String.format(Locale.ROOT, "  %-16s %5d %10.2f %9s%n", k.kind(), k.ops(), k.medianMs(), fmt(k.gflops())));
        }
        sb.append(String.format(Locale.ROOT, "%n  %-56s %-14s %10s %9s%n", "op", "kind", "median ms", "GFLOP/s"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-56s %-14s %10.2f %9s%n", r.name(), r.kind(), r.medianMs(), fmt(r.gflops())));
        }
        return sb.toString();
    }

    private static double gflops(long macs, double ms) {
        return macs == 0 || !(ms > 0) ? Double.NaN : 2.0 * macs / (ms * 1e6);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
