package bgnet.app;

import bgnet.app.bench.BackendTimer;
import bgnet.app.bench.BenchReport;
import bgnet.app.bench.PeakRss;
import bgnet.app.bench.Timing;
import bgnet.model.BGNetModel;
import bgnet.model.backend.Backend;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.io.InputPadding;
import bgnet.model.network.NetworkProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--per-layer", description = {"Also print the median time of each stage, op kind and op, with "
            + "GFLOP/s (TornadoVM: device kernel times, profiler on)."})
    boolean perLayer;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the figures as JSON (median_ms, min_ms, max_ms, gflops, peak_rss_mb, stages, setup_ms, first_run_ms).")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmup < 0) {
            throw new UserError("--runs must be at least 1 and --warmup at least 0");
        }
        // Before the benchmark, not after it: a --json into a missing folder fails in a second.
        OutputFiles.checkWritable(json);
        GrayImage unpadded = ImageReader.readGray(left);
        GrayImage unpaddedRight = ImageReader.readGray(right);
        StereoPair.requireSameSize(unpadded, unpaddedRight, left, right);
        GrayImage l = InputPadding.pad(unpadded);
        GrayImage r = InputPadding.pad(unpaddedRight);
        // Per-op device times come from the device's profiler.
        Backend backend = estimator.backend(perLayer);
        BGNetModel model = estimator.loadModel();
        NetworkProgram program = model.plan(l.height(), l.width());
        Timing timing = BackendTimer.time(backend, program, l, r, warmup, runs, true);
        int threads = estimator.threads != null ? estimator.threads : Runtime.getRuntime().availableProcessors();
        BenchReport report = new BenchReport(model.architecture().displayName(), l.width(), l.height(), warmup, threads,
                timing, program.convolutionMacs(), PeakRss.megabytes(), perLayer ? program.ops() : List.of());
        System.out.print(report.summary());
        if (perLayer) {
            System.out.print(report.stageTable());
            System.out.print(report.opReport().table());
        }
        if (json != null) {
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        }
        return 0;
    }
}
