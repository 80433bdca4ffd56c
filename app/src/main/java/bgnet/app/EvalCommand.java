package bgnet.app;

import bgnet.app.dataset.DatasetEvaluation;
import bgnet.app.dataset.DatasetOptions;
import bgnet.app.dataset.EvalReport;
import bgnet.model.backend.KernelTier;
import bgnet.model.io.AtomicText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** `bgnet eval`: EPE, D1 and bad-x of the network (or of any folder of results) against a dataset's ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score disparities against a dataset's ground truth, per image and as means: EPE (mean |d - gt|), "
                + "D1-all (% with error > 3 px and > 5 % of gt), bad-0.5/1/2/4 (% with error above 0.5/1/2/4 px), "
                + "over all pixels with valid ground truth and, where the dataset has a mask, the non-occluded ones.",
                "Give --weights to run the network, or --predictions DIR to score results named as `predict --output-dir` "
                        + "writes them. A predicted disparity that is not finite or negative counts as 0."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--weights", paramLabel = "W.pth",
            description = "Run this checkpoint (a path or an official name) on every pair.")
    String weights;

    @Option(names = "--predictions", paramLabel = "DIR", description = "Score the results in this folder instead.")
    Path predictions;

    @Option(names = "--backend", defaultValue = "jvm", paramLabel = "jvm|tornado", description = "With --weights: where to run.")
    String backend;

    @Option(names = "--device", paramLabel = "B:I", description = "With --weights: TornadoVM device (see `bgnet devices`).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "With --weights: JVM backend threads (default: all cores).")
    Integer threads;

    @Option(names = "--kernels", defaultValue = "fast", paramLabel = "fast|reference", converter = KernelTierConverter.class,
            description = "With --weights: fast (default) or the per-element reference kernels (slow).")
    KernelTier kernels = KernelTier.FAST;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON (keys: images, mean).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the scores as CSV (one row per image, then mean).")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((weights == null) == (predictions == null)) {
            throw new UserError("give either --weights W (run the network) or --predictions DIR (score a folder of results)");
        }
        checkTarget(json, "--json");
        checkTarget(csv, "--csv");
        EvalReport report = DatasetEvaluation.run(dataset, weights == null ? null : estimator(), predictions,
                spec.commandLine().getErr());
        writeReports(report);
        PrintWriter out = spec.commandLine().getOut();
        table(report).print(out);
        out.flush();
        return 0;
    }

    private EstimatorOptions estimator() {
        EstimatorOptions e = new EstimatorOptions();
        e.weights = weights;
        e.backend = backend;
        e.device = device;
        e.threads = threads;
        e.kernels = kernels;
        return e;
    }

    /** Both files or neither: a failed second write removes the first. */
    private void writeReports(EvalReport report) throws IOException {
        if (json != null) {
            AtomicText.write(json, report.json());
        }
        if (csv != null) {
            try {
                AtomicText.write(csv, report.csv());
            } catch (IOException e) {
                if (json != null) {
                    Files.deleteIfExists(json);
                }
                throw e;
            }
        }
    }

    private static void checkTarget(Path p, String option) {
        if (p == null) {
            return;
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(option + " " + p + ": cannot write, folder " + dir + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw new UserError(option + " " + p + ": cannot write, it is a folder");
        }
    }

    private static final String[][] COLUMNS = {{"EPE", "epe"}, {"D1-ALL%", "d1_all"}, {"BAD-0.5%", "bad_0_5"},
            {"BAD-1%", "bad_1"}, {"BAD-2%", "bad_2"}, {"BAD-4%", "bad_4"}, {"PIXELS", "valid_pixels"},
            {"EPE-NOC", "epe_noc"}, {"D1-NOC%", "d1_noc"}};

    static TextTable table(EvalReport report) {
        Map<String, Double> mean = report.mean();
        List<String[]> cols = new ArrayList<>();
        for (String[] c : COLUMNS) {
            if (mean.containsKey(c[1])) {
                cols.add(c);
            }
        }
        List<String> header = new ArrayList<>(List.of("IMAGE"));
        cols.forEach(c -> header.add(c[0]));
        TextTable t = new TextTable(header.toArray(String[]::new));
        List<Map<String, Double>> images = report.images();
        for (int i = 0; i < images.size(); i++) {
            t.row(cells(report.names().get(i), images.get(i), cols));
        }
        t.row(cells("mean (" + images.size() + " images)", mean, cols));
        return t;
    }

    private static String[] cells(String name, Map<String, Double> f, List<String[]> cols) {
        String[] row = new String[cols.size() + 1];
        row[0] = name;
        for (int i = 0; i < cols.size(); i++) {
            Double v = f.get(cols.get(i)[1]);
            row[i + 1] = v == null || v.isNaN() ? "-" : cols.get(i)[1].endsWith("_pixels")
                    ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
        }
        return row;
    }
}
