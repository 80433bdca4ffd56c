package bgnet.app.dataset;

import bgnet.app.UserError;
import bgnet.model.io.ImageFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plain form: a folder of left images and a folder of right images with the same file names.
 * Results are named like the left image with the extension of the chosen format. No ground truth.
 */
final class FolderPairsLayout implements DatasetLayout {
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");

    private final Path rightDir;
    private final String extension;

    FolderPairsLayout(Path rightDir, String extension) {
        this.rightDir = rightDir;
        this.extension = extension;
    }

    @Override
    public String name() {
        return "folders";
    }

    /** root is the left folder; a left image without a right one becomes a pair that fails to read (and is reported). */
    @Override
    public List<DatasetPair> pairs(Path leftDir) {
        Folders.files(rightDir); // a missing right folder is one error, not one per image
        List<DatasetPair> pairs = new ArrayList<>();
        for (Path left : Folders.files(leftDir)) {
            String file = left.getFileName().toString();
            int dot = file.lastIndexOf('.');
            if (dot <= 0 || !IMAGES.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String stem = file.substring(0, dot);
            pairs.add(new DatasetPair(stem, left, rightDir.resolve(file), stem + "." + extension, null, null));
        }
        if (pairs.isEmpty()) {
            throw new UserError(leftDir + ": no images in it (png, jpg, bmp, gif, tif)");
        }
        return pairs;
    }

    @Override
    public GroundTruth groundTruth(DatasetPair pair) throws ImageFormatException {
        throw new ImageFormatException(pair.left() + ": two plain folders have no ground truth");
    }
}
