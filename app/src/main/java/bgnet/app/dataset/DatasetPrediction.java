package bgnet.app.dataset;

import bgnet.app.EstimatorOptions;
import bgnet.api.StereoEstimator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** `predict --dataset ... --root ...` and `predict --left-dir ... --right-dir ...`: every pair, one network. */
public final class DatasetPrediction {
    private DatasetPrediction() {
    }

    /** Returns the exit code: 0 when every pair was written or skipped, 1 when any failed. */
    public static int run(EstimatorOptions estimatorOptions, DatasetOptions dataset, BatchOptions batch,
                          Float minConfidence, PrintWriter out, PrintWriter err) {
        DatasetLayout layout = dataset.given() ? dataset.layout() : batch.folderLayout();
        List<DatasetPair> pairs = layout.pairs(dataset.given() ? dataset.root : batch.leftDir);
        OutputTargets.check(pairs, batch.outputDir());
        Path confidenceDir = batch.confidenceFolder(pairs);
        Path outputDir = batch.outputFolder();
        BatchSummary summary;
        String description;
        try (StereoEstimator net = estimatorOptions.openEstimator()) {
            ProgressReporter progress = ProgressReporter.forConsole(err, pairs.size());
            summary = new PairRunner(net, outputDir, confidenceDir, minConfidence, batch.overwrite, progress).run(pairs);
            description = net.description();
        }
        out.println("predict: " + description + ": " + summary.line() + " -> " + outputDir);
        out.flush();
        return summary.failed() > 0 ? 1 : 0;
    }
}
