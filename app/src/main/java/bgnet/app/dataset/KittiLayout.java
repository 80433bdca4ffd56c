package bgnet.app.dataset;

import bgnet.app.UserError;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.KittiPng;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * KITTI 2015 ({@code image_2|image_3}, ground truth {@code disp_occ_0|disp_noc_0}) and KITTI 2012
 * ({@code colored_0|colored_1}, {@code disp_occ|disp_noc}): frames {@code NNNNNN_10.png} (the _11 frames
 * are the next time step, not a pair). Ground truth is a 16-bit PNG of d*256 with 0 = invalid; the
 * non-occluded file marks its pixels by being valid. Results are KITTI PNGs named like the frame.
 */
final class KittiLayout implements DatasetLayout {
    private static final String FRAME_SUFFIX = "_10.png";

    private final String name;
    private final String title;
    private final String leftDir;
    private final String rightDir;
    private final String occDir;
    private final String nocDir;
    private final String split;

    private KittiLayout(String name, String title, String leftDir, String rightDir, String occDir, String nocDir, String split) {
        this.name = name;
        this.title = title;
        this.leftDir = leftDir;
        this.rightDir = rightDir;
        this.occDir = occDir;
        this.nocDir = nocDir;
        this.split = split;
    }

    static KittiLayout kitti2015(String split) {
        return new KittiLayout("kitti2015", "KITTI 2015", "image_2", "image_3", "disp_occ_0", "disp_noc_0", split);
    }

    static KittiLayout kitti2012(String split) {
        return new KittiLayout("kitti2012", "KITTI 2012", "colored_0", "colored_1", "disp_occ", "disp_noc", split);
    }

    @Override
    public String name() {
        return name;
    }

    /** root is the split folder itself (it holds image_2/) or the dataset folder holding training/ and testing/. */
    @Override
    public List<DatasetPair> pairs(Path root) {
        Path base = Files.isDirectory(root.resolve(leftDir)) ? root : root.resolve(split);
        if (!Files.isDirectory(base.resolve(leftDir)) || !Files.isDirectory(base.resolve(rightDir))) {
            throw new UserError(root + ": not a " + title + " folder (expected " + leftDir + "/ and " + rightDir
                    + "/ in it or in " + root.resolve(split) + ")");
        }
        Path occ = base.resolve(occDir);
        Path noc = base.resolve(nocDir);
        boolean hasGt = Files.isDirectory(occ);
        boolean hasNoc = Files.isDirectory(noc);
        List<DatasetPair> pairs = new ArrayList<>();
        for (Path left : Folders.files(base.resolve(leftDir))) {
            String file = left.getFileName().toString();
            if (!file.endsWith(FRAME_SUFFIX)) {
                continue;
            }
            String frame = file.substring(0, file.length() - ".png".length());
            pairs.add(new DatasetPair(frame, left, base.resolve(rightDir).resolve(file), file,
                    hasGt ? occ.resolve(file) : null, hasNoc ? noc.resolve(file) : null));
        }
        if (pairs.isEmpty()) {
            throw new UserError(base.resolve(leftDir) + ": no " + title + " frames (NNNNNN" + FRAME_SUFFIX + ") in it");
        }
        return pairs;
    }

    @Override
    public GroundTruth groundTruth(DatasetPair pair) throws ImageFormatException {
        DisparityMap gt = KittiPng.read(pair.groundTruth());
        if (pair.nonOccluded() == null || !Files.exists(pair.nonOccluded())) {
            return new GroundTruth(gt, null);
        }
        DisparityMap noc = KittiPng.read(pair.nonOccluded());
        Folders.requireSameSize(pair.nonOccluded(), noc.width(), noc.height(), pair.groundTruth(), gt.width(), gt.height());
        boolean[] mask = new boolean[noc.values().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = GroundTruth.valid(noc.values()[i]);
        }
        return new GroundTruth(gt, mask);
    }
}
