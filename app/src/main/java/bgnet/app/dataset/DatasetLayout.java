package bgnet.app.dataset;

import bgnet.model.io.ImageFormatException;

import java.nio.file.Path;
import java.util.List;

/** Where a stereo dataset keeps its pairs, its ground truth, and how its results are named. */
public interface DatasetLayout {

    /** The name --dataset takes, e.g. kitti2015. */
    String name();

    /** Every pair under root, ordered by name; a {@link bgnet.app.UserError} naming root when root is not this layout. */
    List<DatasetPair> pairs(Path root);

    /** The pair's ground truth (call only when {@link DatasetPair#groundTruth()} is a file). */
    GroundTruth groundTruth(DatasetPair pair) throws ImageFormatException;
}
