package bgnet.app.dataset;

import bgnet.app.UserError;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** `predict` over many pairs: where results go, and the plain two-folder form. */
public final class BatchOptions {

    @Option(names = "--left-dir", paramLabel = "L",
            description = "Plain form: a folder of left images (with --right-dir, the same file names).")
    public Path leftDir;

    @Option(names = "--right-dir", paramLabel = "R", description = "Plain form: the folder of right images.")
    public Path rightDir;

    @Option(names = "--output-dir", paramLabel = "OUT",
            description = "Where results go, named like the inputs (KITTI: NNNNNN_10.png; Middlebury/ETH3D: "
                    + "<scene>/disp0<method>.pfm; plain form: the left image's name with --format's extension).")
    public Path outputDir;

    @Option(names = "--confidence-dir", paramLabel = "DIR",
            description = "Also write each pair's confidence (0..1) here, named as its disparity result "
                    + "(.png: 16-bit, round(c*65535); .pfm: float32).")
    public Path confidenceDir;

    @Option(names = "--overwrite", description = "Recompute pairs whose result exists (default: skip them).")
    public boolean overwrite;

    @Option(names = "--format", defaultValue = "pfm", paramLabel = "pfm|png",
            description = "Plain form: pfm (float32) or png (KITTI 16-bit) results (default: ${DEFAULT-VALUE}).")
    public String format;

    public boolean given() {
        return leftDir != null || rightDir != null || outputDir != null || confidenceDir != null;
    }

    /** The plain form's layout; its root is the left folder. */
    public DatasetLayout folderLayout() {
        if (leftDir == null || rightDir == null) {
            throw new UserError(leftDir == null ? "--right-dir needs --left-dir" : "--left-dir needs --right-dir");
        }
        if (!format.equals("pfm") && !format.equals("png")) {
            throw new UserError("--format must be pfm or png, got " + format);
        }
        return new FolderPairsLayout(rightDir, format);
    }

    /** The output folder, not created yet. */
    public Path outputDir() {
        if (outputDir == null) {
            throw new UserError("--output-dir OUT is needed for more than one pair");
        }
        return outputDir;
    }

    /**
     * The confidence folder (created when missing), or null without --confidence-dir. It must differ from
     * the output folder (the files have the same names) and must not overwrite an input.
     */
    public Path confidenceFolder(java.util.List<DatasetPair> pairs) {
        if (confidenceDir == null) {
            return null;
        }
        if (confidenceDir.toAbsolutePath().normalize().equals(outputDir().toAbsolutePath().normalize())) {
            throw new UserError("--confidence-dir " + confidenceDir + " is the --output-dir: the confidence files have "
                    + "the disparities' names; choose another folder");
        }
        OutputTargets.check(pairs, confidenceDir);
        if (Files.exists(confidenceDir) && !Files.isDirectory(confidenceDir)) {
            throw new UserError(confidenceDir + ": is a file, not a folder (--confidence-dir)");
        }
        try {
            return Files.createDirectories(confidenceDir);
        } catch (java.io.IOException e) {
            throw new UserError(confidenceDir + ": cannot create the confidence folder (" + e.getMessage() + ")", e);
        }
    }

    /** The output folder, created when missing. */
    public Path outputFolder() {
        if (Files.exists(outputDir()) && !Files.isDirectory(outputDir)) {
            throw new UserError(outputDir + ": is a file, not a folder (--output-dir)");
        }
        try {
            return Files.createDirectories(outputDir());
        } catch (java.io.IOException e) {
            throw new UserError(outputDir + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
    }
}
