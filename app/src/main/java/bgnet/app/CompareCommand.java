package bgnet.app;

import bgnet.model.BGNetModel;
import bgnet.model.backend.Backend;
import bgnet.model.backend.Backends;
import bgnet.model.backend.DeviceInfo;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.io.InputPadding;
import bgnet.model.network.NetworkProgram;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `bgnet compare`: one stereo pair on the JVM and on every TornadoVM device, timed the same way, each
 * disparity checked against the JVM's.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run one pair on the JVM and on every TornadoVM device; print first-run (compile) time, "
                + "median and min time per frame, FPS and each device's max |Δ| disparity against the JVM."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--left", required = true, paramLabel = "L.png", description = "Left (reference) image.")
    Path left;

    @Option(names = "--right", required = true, paramLabel = "R.png", description = "Right image, same size.")
    Path right;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Timed frames per device (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "K",
            description = "Untimed frames after the first run (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--profile", description = "Also report device kernel and copy time per frame (TornadoVM profiler) "
            + "and the time of each stage.")
    boolean profile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmup < 0) {
            throw new UserError("--runs must be at least 1 and --warmup at least 0 (got " + runs + ", " + warmup + ")");
        }
        // Before the comparison, not after it: a --json into a missing folder fails in a second.
        OutputFiles.checkWritable(json);
        GrayImage l = ImageReader.readGray(left);
        GrayImage r = ImageReader.readGray(right);
        StereoPair.requireSameSize(l, r, left, right);
        Integer threads = network.jvmThreads();
        BGNetModel model = network.loadModel();
        GrayImage pl = InputPadding.pad(l);
        NetworkProgram program = model.plan(pl.height(), pl.width());
        BackendBenchmark bench = new BackendBenchmark(program, pl, InputPadding.pad(r), l.width(), l.height());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<CompareResult> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        err.printf("comparing %s on %dx%d (network input %dx%d), %d warm-up + %d timed frames per device%n",
                model.architecture().displayName(), l.width(), l.height(), pl.width(), pl.height(), warmup, runs);
        err.flush();
        float[] reference = null;
        Backend jvm = select(Backends.JVM, null, threads);
        BackendBenchmark.Measured m = measure(bench, Backends.JVM, jvm, null, rows, err);
        if (m != null) {
            reference = m.disparity();
        }
        for (Backends.Listing listing : Backends.listAll()) {
            if (listing.backend().equals(Backends.JVM)) {
                continue;
            }
            if (listing.error() != null) {
                notes.add(listing.backend() + ": " + listing.error());
            }
            for (DeviceInfo d : listing.devices()) {
                measure(bench, d.id(), select(listing.backend(), d.id(), null), reference, rows, err);
            }
        }

        CompareReport report = new CompareReport(header(model, l, pl), rows);
        report.printTable(out);
        notes.forEach(out::println);
        out.flush();
        if (json != null) {
            try {
                Files.writeString(json, report.json());
            } catch (IOException e) {
                throw new UserError("cannot write --json " + json + ": " + e.getMessage(), e);
            }
        }
        return rows.stream().allMatch(x -> x.error() == null) ? 0 : 1;
    }

    private Backend select(String backend, String device, Integer threads) {
        try {
            return Backends.select(backend, device, threads, network.backendOptions(profile));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** One row; a device that fails is reported in its row and the comparison goes on. */
    private BackendBenchmark.Measured measure(BackendBenchmark bench, String id, Backend backend, float[] reference,
                                              List<CompareResult> rows, PrintWriter err) {
        err.println("  " + id + ": " + backend.description() + " ...");
        err.flush();
        try {
            BackendBenchmark.Measured m = bench.measure(id, backend, warmup, runs, reference, profile);
            CompareResult c = m.result();
            // A device backend's set-up split (compiler, driver, rest; kernel cache), on the progress stream.
            err.print(bgnet.app.bench.BenchReport.setupSplit(m.timing()).replaceFirst("^  ", "    "));
            err.flush();
            // The JVM is the reference: its difference is 0 by definition.
            rows.add(Backends.JVM.equals(id) ? c.asReference() : c);
            return m;
        } catch (RuntimeException | OutOfMemoryError e) {
            rows.add(CompareResult.failed(id, backend.description(), ErrorMessages.oneLine(e)));
            return null;
        }
    }

    private Map<String, Object> header(BGNetModel model, GrayImage l, GrayImage padded) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("architecture", model.architecture().displayName());
        h.put("weights", model.source().toString());
        h.put("left", left.toString());
        h.put("right", right.toString());
        h.put("width", l.width());
        h.put("height", l.height());
        h.put("network_width", padded.width());
        h.put("network_height", padded.height());
        h.put("warmup", warmup);
        h.put("runs", runs);
        return h;
    }
}
