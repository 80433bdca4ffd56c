package bgnet.app.dataset;

import bgnet.app.UserError;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.ImageReader;
import bgnet.model.io.PfmFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Middlebury 2014 / 2021 and ETH3D two-view: one folder per scene with {@code im0.png}, {@code im1.png},
 * ground truth {@code disp0GT.pfm} (Middlebury 2021 calls it {@code disp0.pfm}; inf = invalid) and
 * optionally {@code mask0nocc.png} (255 = non-occluded). Results go to {@code <scene>/disp0<method>.pfm},
 * the name these benchmarks' own tools give a method's disparity.
 */
final class SceneFolderLayout implements DatasetLayout {
    static final int NON_OCCLUDED = 255;

    private final String name;
    private final String title;
    private final String method;

    private SceneFolderLayout(String name, String title, String method) {
        this.name = name;
        this.title = title;
        this.method = method;
    }

    static SceneFolderLayout middlebury(String method) {
        return new SceneFolderLayout("middlebury", "Middlebury", method);
    }

    static SceneFolderLayout eth3d(String method) {
        return new SceneFolderLayout("eth3d", "ETH3D", method);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DatasetPair> pairs(Path root) {
        List<DatasetPair> pairs = new ArrayList<>();
        for (Path scene : Folders.subfolders(root)) {
            if (!Files.isRegularFile(scene.resolve("im0.png"))) {
                continue;
            }
            String sceneName = scene.getFileName().toString();
            Path gt = scene.resolve("disp0GT.pfm");
            if (!Files.exists(gt) && Files.exists(scene.resolve("disp0.pfm"))) {
                gt = scene.resolve("disp0.pfm");
            }
            Path mask = scene.resolve("mask0nocc.png");
            pairs.add(new DatasetPair(sceneName, scene.resolve("im0.png"), scene.resolve("im1.png"),
                    sceneName + "/disp0" + method + ".pfm", gt, Files.exists(mask) ? mask : null));
        }
        if (pairs.isEmpty()) {
            throw new UserError(root + ": not a " + title + " folder (no scene folder with im0.png and im1.png in it)");
        }
        return pairs;
    }

    @Override
    public GroundTruth groundTruth(DatasetPair pair) throws ImageFormatException {
        DisparityMap gt = PfmFile.read(pair.groundTruth());
        if (pair.nonOccluded() == null) {
            return new GroundTruth(gt, null);
        }
        GrayImage mask = ImageReader.readGray(pair.nonOccluded());
        Folders.requireSameSize(pair.nonOccluded(), mask.width(), mask.height(), pair.groundTruth(), gt.width(), gt.height());
        boolean[] noc = new boolean[mask.pixels().length];
        for (int i = 0; i < noc.length; i++) {
            noc[i] = mask.pixels()[i] == NON_OCCLUDED;
        }
        return new GroundTruth(gt, noc);
    }
}
