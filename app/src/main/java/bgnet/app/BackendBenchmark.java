package bgnet.app;

import bgnet.model.backend.Backend;
import bgnet.model.backend.DeviceTimes;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.InputPadding;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times one backend on one planned pair: the first run (which includes compiling the kernels and
 * copying the weights where a device needs that), then {@code warmup} untimed and {@code runs} timed
 * frames. Programs are reused across backends: each runner only reads the images and writes the
 * disparity of the program it is given.
 */
final class BackendBenchmark {
    private final NetworkProgram program;
    private final GrayImage left;
    private final GrayImage right;
    private final int origWidth;
    private final int origHeight;

    /** {@code left}/{@code right} padded to the program's size; the original size is cropped back for comparisons. */
    BackendBenchmark(NetworkProgram program, GrayImage left, GrayImage right, int origWidth, int origHeight) {
        this.program = program;
        this.left = left;
        this.right = right;
        this.origWidth = origWidth;
        this.origHeight = origHeight;
    }

    /**
     * Runs and times {@code backend}; {@code reference} (cropped disparity) may be null. With
     * {@code stages} the timed frames also record each stage's time.
     */
    Measured measure(Backend backend, int warmup, int runs, float[] reference, boolean stages) {
        long t0 = System.nanoTime();
        double[] ms = new double[runs];
        double kernel = 0;
        double copy = 0;
        boolean profiled = false;
        StageTimes stageTimes = new StageTimes();
        String description;
        try (ProgramRunner runner = backend.prepare(program)) {
            description = runner.description();
            float[] out = runner.run(left.pixels(), right.pixels());
            double first = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < warmup; i++) {
                out = runner.run(left.pixels(), right.pixels());
            }
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                if (stages) {
                    out = runner.run(left.pixels(), right.pixels(), stageTimes);
                } else {
                    out = runner.run(left.pixels(), right.pixels());
                }
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (runner.deviceTimes().isPresent()) {
                    DeviceTimes d = runner.deviceTimes().get();
                    kernel += d.kernelNanos() / 1e6;
                    copy += (d.copyInNanos() + d.copyOutNanos()) / 1e6;
                    profiled = true;
                }
            }
            float[] disparity = cropped(out);
            Arrays.sort(ms);
            double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
            double diff = reference == null ? Double.NaN : maxAbsDiff(disparity, reference);
            Map<String, Double> perStage = new LinkedHashMap<>();
            for (Stage s : Stage.values()) {
                Long ns = stageTimes.nanos().get(s);
                if (ns != null) {
                    perStage.put(s.label(), ns / 1e6 / runs);
                }
            }
            CompareResult r = new CompareResult(null, description, first, median, ms[0], diff,
                    profiled ? kernel / runs : Double.NaN, profiled ? copy / runs : Double.NaN, perStage, null);
            return new Measured(r, disparity);
        }
    }

    /** A row (without its id) and the disparity it produced, cropped to the input size. */
    record Measured(CompareResult result, float[] disparity) {
    }

    private float[] cropped(float[] out) {
        DisparityMap padded = new DisparityMap(program.width(), program.height(), out.clone());
        return InputPadding.crop(padded, origWidth, origHeight).values();
    }

    /** Largest |a - b|; a NaN anywhere counts as infinitely far. */
    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= max)) {
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return max;
    }
}
