package bgnet.app.dataset;

import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoResult;
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
    private final StereoEstimator estimator;
    private final Path outputDir;
    private final Path confidenceDir;
    private final Float minConfidence;
    private final boolean overwrite;
    private final ProgressReporter progress;

    /**
     * @param confidenceDir where each pair's confidence goes (named as its disparity), or null for none
     * @param minConfidence --min-confidence, or null
     */
    PairRunner(StereoEstimator estimator, Path outputDir, Path confidenceDir, Float minConfidence, boolean overwrite,
               ProgressReporter progress) {
        this.estimator = estimator;
        this.outputDir = outputDir;
        this.confidenceDir = confidenceDir;
        this.minConfidence = minConfidence;
        this.overwrite = overwrite;
        this.progress = progress;
    }

    BatchSummary run(List<DatasetPair> pairs) {
        List<DatasetPair> todo = new ArrayList<>();
        int skipped = 0;
        for (DatasetPair p : pairs) {
            if (!overwrite && Files.exists(target(p)) && (confidenceDir == null || Files.exists(confidenceTarget(p)))) {
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
                InputImage left = InputImage.read(p.left());
                InputImage right = InputImage.read(p.right());
                Folders.requireSameSize(p.left(), left.width(), left.height(), p.right(), right.width(), right.height());
                long t1 = System.nanoTime();
                boolean withConfidence = confidenceDir != null || minConfidence != null;
                StereoResult result = withConfidence ? estimator.estimateWithConfidence(left, right) : estimator.estimate(left, right);
                netSeconds += (System.nanoTime() - t1) / 1e9;
                Path target = target(p);
                Files.createDirectories(target.getParent());
                (minConfidence == null ? result : result.withMinConfidence(minConfidence)).writeDisparity(target);
                if (confidenceDir != null) {
                    Path c = confidenceTarget(p);
                    Files.createDirectories(c.getParent());
                    result.writeConfidence(c);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                seconds += s;
                written++;
                long size = (long) InputPadding.paddedSize(left.height()) << 32 | InputPadding.paddedSize(left.width());
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

    private Path confidenceTarget(DatasetPair p) {
        return confidenceDir.resolve(p.output());
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof bgnet.api.BGNetException) && m != null
                ? m.replace('\n', ' ') : e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
    }
}
