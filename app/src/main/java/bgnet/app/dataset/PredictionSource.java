package bgnet.app.dataset;

import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoResult;
import bgnet.model.io.DisparityMap;

import java.io.IOException;
import java.nio.file.Path;

/** Where `eval` gets a pair's disparity: the network, or a folder of results in the dataset's format. */
interface PredictionSource {

    DisparityMap predict(DatasetPair pair) throws IOException;

    /** The file a folder source reads for a pair, or null for the network. */
    Path file(DatasetPair pair);

    static PredictionSource network(StereoEstimator estimator) {
        return new PredictionSource() {
            @Override
            public DisparityMap predict(DatasetPair pair) throws IOException {
                InputImage left = InputImage.read(pair.left());
                InputImage right = InputImage.read(pair.right());
                Folders.requireSameSize(pair.left(), left.width(), left.height(), pair.right(), right.width(), right.height());
                StereoResult result = estimator.estimate(left, right);
                return new DisparityMap(result.width(), result.height(), result.disparity());
            }

            @Override
            public Path file(DatasetPair pair) {
                return null;
            }
        };
    }

    /** Results named as `predict --output-dir` writes them (KITTI: NNNNNN_10.png; Middlebury: scene/disp0X.pfm). */
    static PredictionSource folder(Path dir) {
        return new PredictionSource() {
            @Override
            public DisparityMap predict(DatasetPair pair) throws IOException {
                return DisparityFiles.read(file(pair));
            }

            @Override
            public Path file(DatasetPair pair) {
                return dir.resolve(pair.output());
            }
        };
    }
}
