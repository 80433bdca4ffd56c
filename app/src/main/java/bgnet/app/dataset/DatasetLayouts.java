package bgnet.app.dataset;

import bgnet.app.UserError;

import java.util.Locale;

/** The layouts --dataset names. */
public final class DatasetLayouts {
    public static final String NAMES = "kitti2015, kitti2012, middlebury, eth3d";

    private DatasetLayouts() {
    }

    /**
     * @param split  KITTI: training or testing (ignored elsewhere)
     * @param method Middlebury / ETH3D: the X of disp0X.pfm
     */
    public static DatasetLayout named(String name, String split, String method) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "kitti2015" -> KittiLayout.kitti2015(split);
            case "kitti2012" -> KittiLayout.kitti2012(split);
            case "middlebury" -> SceneFolderLayout.middlebury(method);
            case "eth3d" -> SceneFolderLayout.eth3d(method);
            default -> throw new UserError("--dataset " + name + ": unknown (use one of " + NAMES + ")");
        };
    }
}
