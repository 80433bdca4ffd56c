package bgnet.app;

import bgnet.app.bench.BackendTimer;
import bgnet.app.bench.Timing;
import bgnet.model.backend.Backend;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.InputPadding;
import bgnet.model.network.NetworkProgram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of `compare`: times a backend on the planned pair ({@link BackendTimer}: setup and first run,
 * {@code warmup} untimed and {@code runs} timed frames after it) and checks its disparity against the
 * reference. Programs are reused across backends: each runner only reads the images and writes the
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
     * Runs and times {@code backend} as device {@code id}; {@code reference} (cropped disparity) may be
     * null. With {@code stages} the timed frames also record each stage's time.
     */
    Measured measure(String id, Backend backend, int warmup, int runs, float[] reference, boolean stages) {
        // The first run stays out of the per-frame figures: it is one more untimed pass before the warm-up.
        Timing t = BackendTimer.time(backend, program, left, right, warmup + 1, runs, stages);
        float[] disparity = cropped(t.disparity());
        double diff = reference == null ? Double.NaN : maxAbsDiff(disparity, reference);
        Map<String, Double> perStage = new LinkedHashMap<>();
        t.stages().forEach((stage, stats) -> perStage.put(stage.label(), stats.mean()));
        CompareResult r = new CompareResult(id, t.description(), t.setupMs(), t.firstRunMs(), t.frames().median(),
                t.frames().min(), diff, t.kernelMs().mean(), t.copyMs().mean(), perStage, null, t.kernels());
        return new Measured(r, disparity, t);
    }

    /** A row, the disparity it produced (cropped to the input size) and the timing behind the row. */
    record Measured(CompareResult result, float[] disparity, Timing timing) {
    }

    private float[] cropped(float[] padded) {
        return InputPadding.crop(new DisparityMap(program.width(), program.height(), padded), origWidth, origHeight).values();
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
