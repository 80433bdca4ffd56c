package bgnet.model.weights;

import java.util.List;
import java.util.Optional;

/** The checkpoints published with upstream BGNet (GitHub 3DCVdeveloper/BGNet, branch master, folder models/). */
public final class OfficialCheckpoints {
    public static final List<String> NAMES = List.of(
            "kitti_12_BGNet.pth",
            "kitti_12_BGNet_Plus.pth",
            "kitti_15_BGNet_Plus.pth",
            "Sceneflow-BGNet.pth",
            "Sceneflow-BGNet-Plus.pth",
            "Sceneflow-IRS-BGNet.pth",
            "Sceneflow-IRS-BGNet-Plus.pth");

    /** Where the files are served; a system property overrides it (tests use a local server). */
    public static final String DEFAULT_BASE_URL = "https://github.com/3DCVdeveloper/BGNet/raw/master/models/";

    private OfficialCheckpoints() {
    }

    /** The official file name for {@code name} given with or without ".pth", if it is one. */
    public static Optional<String> lookup(String name) {
        String withExt = name.endsWith(".pth") ? name : name + ".pth";
        return NAMES.stream().filter(n -> n.equals(withExt)).findFirst();
    }

    public static String baseUrl() {
        String base = System.getProperty("bgnet.weights.url", DEFAULT_BASE_URL);
        return base.endsWith("/") ? base : base + "/";
    }
}
