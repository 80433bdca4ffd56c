package bgnet.app.dataset;

import bgnet.app.UserError;
import bgnet.model.io.DisparityMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every pair of a dataset. Strict, unlike predict: a missing ground-truth or prediction file, or
 * a prediction of the wrong size, stops the run with one line naming the file, so that no report covers
 * fewer images than it claims to. Files are checked up front, before any slow work.
 */
final class Evaluation {
    private Evaluation() {
    }

    static EvalReport run(DatasetLayout layout, Path root, List<DatasetPair> pairs, PredictionSource source,
                          String sourceName, ProgressReporter progress) {
        for (DatasetPair p : pairs) {
            if (p.groundTruth() == null) {
                throw new UserError(root + ": no ground truth for " + p.name() + " (a " + layout.name() + " test split has none)");
            }
            requireFile(p.groundTruth(), "ground truth of " + p.name());
            Path prediction = source.file(p);
            if (prediction != null) {
                requireFile(prediction, "prediction of " + p.name());
            }
        }
        Map<DatasetPair, ImageScore> scores = new HashMap<>();
        try {
            scoreAll(layout, pairs, source, progress, scores);
        } finally {
            progress.finish();
        }
        EvalReport report = new EvalReport(layout.name(), sourceName);
        pairs.forEach(p -> report.add(scores.get(p)));
        return report;
    }

    private static void scoreAll(DatasetLayout layout, List<DatasetPair> pairs, PredictionSource source,
                                 ProgressReporter progress, Map<DatasetPair, ImageScore> scores) {
        // The network plans once per size; a folder is read in name order.
        for (DatasetPair p : source.file(pairs.getFirst()) == null ? SizeOrder.bySize(pairs) : pairs) {
            long t0 = System.nanoTime();
            GroundTruth gt;
            try {
                gt = layout.groundTruth(p);
            } catch (IOException e) {
                throw new UserError(e.getMessage() + " (ground truth of " + p.name() + ")", e);
            }
            DisparityMap prediction;
            try {
                prediction = source.predict(p);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            try {
                scores.put(p, DisparityMetrics.score(p.name(), prediction, gt));
            } catch (IllegalArgumentException e) {
                Path file = source.file(p);
                throw new UserError((file != null ? file : p.left()) + ": " + e.getMessage() + " (" + p.groundTruth() + ")", e);
            }
            progress.pairDone(p.name(), (System.nanoTime() - t0) / 1e9, ProgressReporter.Result.WRITTEN);
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file (" + what + ")");
        }
    }
}
