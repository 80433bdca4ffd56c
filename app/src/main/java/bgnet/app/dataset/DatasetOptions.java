package bgnet.app.dataset;

import bgnet.app.UserError;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which dataset and where: the options `predict` and `eval` share. */
public final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Dataset layout: kitti2015, kitti2012, middlebury or eth3d (with --root).")
    public String dataset;

    @Option(names = "--root", paramLabel = "DIR",
            description = "The dataset's folder: KITTI's (holding training/ and testing/, or one of them), "
                    + "or Middlebury's / ETH3D's folder of scene folders.")
    public Path root;

    @Option(names = "--split", defaultValue = "training", paramLabel = "training|testing",
            description = "KITTI: which split under --root (default: ${DEFAULT-VALUE}).")
    public String split;

    @Option(names = "--method", defaultValue = "BGNet", paramLabel = "NAME",
            description = "Middlebury / ETH3D: results are <scene>/disp0NAME.pfm (default: ${DEFAULT-VALUE}).")
    public String method;

    public boolean given() {
        return dataset != null || root != null;
    }

    /** The named layout, after checking that the options fit together and --root exists. */
    public DatasetLayout layout() {
        if (dataset == null || root == null) {
            throw new UserError(dataset == null ? "--root needs --dataset (" + DatasetLayouts.NAMES + ")" : "--dataset needs --root DIR");
        }
        if (!split.equals("training") && !split.equals("testing")) {
            throw new UserError("--split must be training or testing, got " + split);
        }
        if (!method.matches("[A-Za-z0-9_+-]+")) {
            throw new UserError("--method must be letters, digits, _ + or - (it becomes a file name), got " + method);
        }
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": no such folder (--root)");
        }
        return DatasetLayouts.named(dataset, split, method);
    }
}
