package bgnet.app.dataset;

import bgnet.app.EstimatorOptions;
import bgnet.app.UserError;
import bgnet.api.StereoEstimator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** `eval`: every pair of a dataset scored, with the network's disparities or a folder of results. */
public final class DatasetEvaluation {
    private DatasetEvaluation() {
    }

    /** Exactly one of estimator (the network) and predictions (a folder) is given. */
    public static EvalReport run(DatasetOptions dataset, EstimatorOptions estimator, Path predictions, PrintWriter err) {
        DatasetLayout layout = dataset.layout();
        List<DatasetPair> pairs = layout.pairs(dataset.root);
        if (predictions != null) {
            if (!Files.isDirectory(predictions)) {
                throw new UserError(predictions + ": no such folder (--predictions)");
            }
            return Evaluation.run(layout, dataset.root, pairs, PredictionSource.folder(predictions), predictions.toString(),
                    ProgressReporter.forConsole(err, pairs.size()));
        }
        try (StereoEstimator net = estimator.openEstimator()) {
            return Evaluation.run(layout, dataset.root, pairs, PredictionSource.network(net), net.description(),
                    ProgressReporter.forConsole(err, pairs.size()));
        }
    }
}
