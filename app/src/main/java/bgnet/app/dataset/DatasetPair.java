package bgnet.app.dataset;

import java.nio.file.Path;

/**
 * One rectified pair of a dataset, where its result goes and where its ground truth is.
 *
 * @param name        how reports name it: the KITTI frame (000000_10) or the scene folder (Adirondack)
 * @param left        left (reference) image
 * @param right       right image
 * @param output      the result's path relative to the output folder, in the dataset's own format
 * @param groundTruth the disparity ground truth, or null where the layout has none (a test split)
 * @param nonOccluded the non-occluded ground truth (KITTI disp_noc) or mask (Middlebury mask0nocc.png), or null
 */
public record DatasetPair(String name, Path left, Path right, String output, Path groundTruth, Path nonOccluded) {
}
