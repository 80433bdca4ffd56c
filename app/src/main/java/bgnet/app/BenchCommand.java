package bgnet.app;

import bgnet.app.bench.BenchReport;
import bgnet.app.bench.BenchResult;
import bgnet.app.bench.PeakRss;
import bgnet.model.BGNetModel;
import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.io.InputPadding;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `bgnet bench`: times the forward pass on one pair (the network only: no image decoding, padding or
 * output writing). Stage times come from the same passes: the JVM backend reads the clock once per
 * launch, which costs nothing measurable.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the forward pass on one stereo pair: median / min / max per pass, GFLOP/s, peak memory.",
                "The pair is padded to multiples of 64 like `predict`; the time covers the network only."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    EstimatorOptions estimator;

    @Option(names = "--left", required = true, paramLabel = "L.png", description = "Left image.")
    Path left;

    @Option(names = "--right", required = true, paramLabel = "R.png", description = "Right image, same size.")
    Path right;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Measured passes (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "K",
            description = "Passes run first and not measured, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--per-layer", description = "Also print the median time of each stage.")
    boolean perLayer;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the figures as JSON (median_ms, min_ms, max_ms, gflops, peak_rss_mb, stages).")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmup < 0) {
            throw new UserError("--runs must be at least 1 and --warmup at least 0");
        }
        GrayImage l = InputPadding.pad(ImageReader.readGray(left));
        GrayImage r = InputPadding.pad(ImageReader.readGray(right));
        if (l.width() != r.width() || l.height() != r.height()) {
            throw new UserError("left and right images differ in size; a rectified pair has one size");
        }
        Backend backend = estimator.backend();
        BGNetModel model = estimator.loadModel();
        NetworkProgram program = model.plan(l.height(), l.width());

        List<Double> passes = new ArrayList<>();
        List<Map<Stage, Double>> stages = new ArrayList<>();
        String description;
        try (ProgramRunner runner = backend.prepare(program)) {
            description = runner.description();
            StageTimes times = new StageTimes();
            for (int i = 0; i < warmup + runs; i++) {
                times.clear();
                long t0 = System.nanoTime();
                runner.run(l.pixels(), r.pixels(), times);
                long elapsed = System.nanoTime() - t0;
                if (i >= warmup) {
                    passes.add(elapsed / 1e6);
                    stages.add(toMillis(times));
                }
            }
        }
        BenchResult result = BenchResult.of(passes, stages, program.convolutionMacs(), PeakRss.megabytes());
        int threads = estimator.threads != null ? estimator.threads : Runtime.getRuntime().availableProcessors();
        BenchReport report = new BenchReport(model.architecture().displayName(), description, l.width(), l.height(),
                warmup, threads, result);
        System.out.print(report.summary());
        if (perLayer) {
            System.out.print(report.stageTable());
        }
        if (json != null) {
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static Map<Stage, Double> toMillis(StageTimes times) {
        Map<Stage, Double> ms = new EnumMap<>(Stage.class);
        times.nanos().forEach((s, n) -> ms.put(s, n / 1e6));
        return ms;
    }
}
