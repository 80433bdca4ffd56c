package bgnet.app;

import bgnet.app.bench.JsonReports;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of `bgnet compare` as a text table and as JSON (for plotting). */
final class CompareReport {
    private final Map<String, Object> header;
    private final List<CompareResult> rows;

    /** {@code header}: what was compared (weights, images, size, runs), in output order. */
    CompareReport(Map<String, Object> header, List<CompareResult> rows) {
        this.header = header;
        this.rows = rows;
    }

    void printTable(PrintWriter out) {
        boolean profiled = rows.stream().anyMatch(r -> !Double.isNaN(r.kernelMs()));
        TextTable t = profiled
                ? new TextTable("DEVICE", "FIRST RUN", "MEDIAN", "MIN", "FPS", "MAX |Δ| vs JVM", "KERNEL", "COPY", "BACKEND")
                : new TextTable("DEVICE", "FIRST RUN", "MEDIAN", "MIN", "FPS", "MAX |Δ| vs JVM", "BACKEND");
        for (CompareResult r : rows) {
            if (r.error() != null) {
                String[] cells = new String[profiled ? 9 : 7];
                java.util.Arrays.fill(cells, "-");
                cells[0] = r.id();
                cells[cells.length - 1] = (r.description() == null ? "" : r.description() + ": ") + "FAILED: " + r.error();
                t.row(cells);
                continue;
            }
            String diff = Double.isNaN(r.maxAbsDiff()) ? "-" : r.id().equals("jvm") ? "0 (reference)" : sci(r.maxAbsDiff()) + " px";
            if (profiled) {
                t.row(r.id(), ms(r.firstRunMs()), ms(r.medianMs()), ms(r.minMs()), fps(r.fps()), diff,
                        ms(r.kernelMs()), ms(r.copyMs()), r.description());
            } else {
                t.row(r.id(), ms(r.firstRunMs()), ms(r.medianMs()), ms(r.minMs()), fps(r.fps()), diff, r.description());
            }
        }
        t.print(out);
        printStages(out);
    }

    /** Each stage's time per frame, one column per device that measured stages. */
    private void printStages(PrintWriter out) {
        List<CompareResult> staged = rows.stream().filter(r -> !r.stageMs().isEmpty()).toList();
        if (staged.isEmpty()) {
            return;
        }
        String[] head = new String[staged.size() + 1];
        head[0] = "STAGE (per frame)";
        for (int i = 0; i < staged.size(); i++) {
            head[i + 1] = staged.get(i).id();
        }
        TextTable t = new TextTable(head);
        java.util.LinkedHashSet<String> stages = new java.util.LinkedHashSet<>();
        staged.forEach(r -> stages.addAll(r.stageMs().keySet()));
        for (String stage : stages) {
            String[] cells = new String[head.length];
            cells[0] = stage;
            for (int i = 0; i < staged.size(); i++) {
                cells[i + 1] = ms(staged.get(i).stageMs().getOrDefault(stage, Double.NaN));
            }
            t.row(cells);
        }
        out.println();
        t.print(out);
    }

    /** The header's entries, then {@code results}: one object per row (keys in {@link CompareResult}). */
    String json() {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("results", rows);
        return JsonReports.toJson(doc);
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static String fps(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
    }

    private static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.2e", v);
    }
}
