package bgnet.app.dataset;

import bgnet.model.DisparityEstimator;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.InputPadding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs pairs through one estimator and writes each result into the output folder. A pair that fails
 * (unreadable image, sizes that differ, a result that cannot be written) is reported in one line and
 * skipped; the run goes on. Results already there are skipped unless overwriting.
 */
final class PairRunner {
    private final DisparityEstimator estimator;
    private final Path outputDir;
    private final boolean overwrite;
    private final ProgressReporter progress;

    PairRunner(DisparityEstimator estimator, Path outputDir, boolean overwrite, ProgressReporter progress) {
        this.estimator = estimator;
        this.outputDir = outputDir;
        this.overwrite = overwrite;
        this.progress = progress;
    }

    BatchSummary run(List<DatasetPair> pairs) {
        List<DatasetPair> todo = new ArrayList<>();
        int skipped = 0;
        for (DatasetPair p : pairs) {
            if (!overwrite && Files.exists(target(p))) {
                skipped++;
                progress.pairDone(p.name(), 0, ProgressReporter.Result.SKIPPED); // first, so that the ETA counts only real work
            } else {
                todo.add(p);
            }
        }
        int written = 0, failed = 0, later = 0;
        double seconds = 0, netSeconds = 0, laterSeconds = 0;
        long lastSize = -1;
        for (DatasetPair p : SizeOrder.bySize(todo)) {
            long t0 = System.nanoTime();
            try {
                PairImages images = PairImages.read(p);
                long t1 = System.nanoTime();
                DisparityMap disparity = estimator.estimate(images.left(), images.right());
                netSeconds += (System.nanoTime() - t1) / 1e9;
                Path target = target(p);
                Files.createDirectories(target.getParent());
                DisparityFiles.write(target, disparity);
                double s = (System.nanoTime() - t0) / 1e9;
                seconds += s;
                written++;
                long size = (long) InputPadding.paddedSize(images.left().height()) << 32 | InputPadding.paddedSize(images.left().width());
                if (size == lastSize) {
                    later++;
                    laterSeconds += s;
                }
                lastSize = size;
                progress.pairDone(p.name(), s, ProgressReporter.Result.WRITTEN);
            } catch (IOException | RuntimeException e) {
                failed++;
                progress.message("error: " + p.name() + ": " + oneLine(e));
                progress.pairDone(p.name(), (System.nanoTime() - t0) / 1e9, ProgressReporter.Result.FAILED);
            }
        }
        progress.finish();
        return new BatchSummary(pairs.size(), written, skipped, failed, written == 0 ? Double.NaN : seconds / written,
                written == 0 ? Double.NaN : netSeconds / written, later == 0 ? Double.NaN : laterSeconds / later);
    }

    private Path target(DatasetPair p) {
        return outputDir.resolve(p.output());
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (e instanceof IOException || e instanceof IllegalArgumentException) && m != null
                ? m.replace('\n', ' ') : e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
