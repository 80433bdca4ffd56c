package bgnet.app;

import bgnet.app.calib.CalibrationOptions;
import bgnet.app.dataset.BatchOptions;
import bgnet.app.dataset.DatasetOptions;
import bgnet.app.dataset.DatasetPrediction;
import bgnet.api.Camera;
import bgnet.api.Colormap;
import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoResult;
import bgnet.model.io.CameraIntrinsics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `bgnet predict`: one rectified stereo pair in, disparity (and optionally colour, depth, point cloud)
 * out; or every pair of a dataset or of two folders through one loaded network ({@link DatasetPrediction}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Compute the disparity of a rectified stereo pair (--left --right --output), of every pair "
                + "of a dataset (--dataset --root --output-dir) or of two folders (--left-dir --right-dir --output-dir).",
                "Images of any size are padded to multiples of 64 (symmetric, top and right, as in the KITTI "
                        + "evaluation) and the result is cropped back, so disparities are in input pixels."})
final class PredictCommand implements Callable<Integer> {

    @Mixin
    EstimatorOptions estimator;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    BatchOptions batch;

    @Spec
    CommandSpec spec;

    @Option(names = "--left", paramLabel = "L.png", description = "Left (reference) image.")
    Path left;

    @Option(names = "--right", paramLabel = "R.png", description = "Right image, same size.")
    Path right;

    @Option(names = "--output", paramLabel = "OUT.pfm|OUT.png",
            description = "Disparity: .pfm (float32 pixels) or .png (KITTI 16-bit, round(d*256), 0 = invalid).")
    Path output;

    @Option(names = "--confidence", paramLabel = "C.pfm|C.png",
            description = "Also write the per-pixel confidence (0..1): .pfm (float32) or .png (16-bit, round(c*65535)).")
    Path confidenceFile;

    @Option(names = "--min-confidence", paramLabel = "T",
            description = "Pixels less confident than T (0..1) become invalid (0) in the disparity, colour, depth and point cloud.")
    Float minConfidence;

    @Option(names = "--color", paramLabel = "C.png", description = "Also write a colour-mapped visualisation.")
    Path color;

    @Option(names = "--colormap", defaultValue = "turbo", paramLabel = "NAME",
            description = "Colour map for --color: turbo, viridis or gray (default: ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--color-range", paramLabel = "MIN:MAX",
            description = "Fixed disparity range for --color (default: 0 to the 99th percentile).")
    String colorRange;

    @Option(names = "--depth", paramLabel = "D.pfm|D.png",
            description = "Depth Z = f*B/d: .pfm in metres or .png in millimetres (0 = invalid). Needs --calib or --focal/--baseline.")
    Path depthFile;

    @Option(names = "--ply", paramLabel = "P.ply",
            description = "Point cloud coloured by the left image (binary PLY). Needs --calib or --focal/--baseline.")
    Path plyFile;

    @Option(names = "--max-depth", defaultValue = "100", paramLabel = "M",
            description = "Points farther than this are dropped from --ply (default: ${DEFAULT-VALUE} m).")
    double maxDepth;

    /** Only the camera geometry is taken from --calib: predict's inputs are already rectified. */
    @Mixin
    CalibrationOptions calibration;

    @Override
    public Integer call() throws IOException, bgnet.app.calib.CalibrationException {
        if (dataset.given() || batch.given()) {
            if (left != null || right != null || output != null || color != null || depthFile != null || plyFile != null
                    || confidenceFile != null) {
                throw new UserError("--left/--right/--output/--confidence/--color/--depth/--ply are for one pair; "
                        + "with --dataset or --left-dir/--right-dir give --output-dir");
            }
            checkMinConfidence(minConfidence);
            return DatasetPrediction.run(estimator, dataset, batch, minConfidence, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (left == null || right == null || output == null) {
            throw new UserError("give --left L --right R --output OUT (one pair), --dataset NAME --root DIR --output-dir OUT, "
                    + "or --left-dir L --right-dir R --output-dir OUT");
        }
        OutputFiles.checkTargets(output, confidenceFile, color, depthFile, plyFile);
        new PathClashes().input("--left", left).input("--right", right).input("--weights", Path.of(estimator.weights))
                .input("--calib", calibration.calib)
                .output("--output", output).output("--confidence", confidenceFile).output("--color", color).output("--depth", depthFile).output("--ply", plyFile)
                .check();
        Colormap kind = Colormap.named(colormap);
        float[] range = colorRange == null ? null : parseRange(colorRange);
        checkMinConfidence(minConfidence);

        InputImage l = InputImage.read(left);
        InputImage r = InputImage.read(right);
        InputImage.checkPair(l, r);
        Camera camera = null;
        if (depthFile != null || plyFile != null) {
            CameraIntrinsics c = calibration.camera(l.width(), l.height()).orElseThrow(() ->
                    new UserError("--depth and --ply need the camera geometry: --calib FILE or --focal PX --baseline M"));
            camera = new Camera(c.focalPx(), c.baselineM(), c.cx(), c.cy());
        }
        boolean withConfidence = confidenceFile != null || minConfidence != null;
        StereoResult result;
        String description;
        long t0 = System.nanoTime();
        try (StereoEstimator net = estimator.openEstimator()) {
            description = net.description();
            result = withConfidence ? net.estimateWithConfidence(l, r) : net.estimate(l, r);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StereoResult shown = minConfidence == null ? result : result.withMinConfidence(minConfidence);

        OutputFiles out = new OutputFiles();
        try {
            out.write(output, () -> shown.writeDisparity(output));
            if (confidenceFile != null) {
                out.write(confidenceFile, () -> result.writeConfidence(confidenceFile));
            }
            if (color != null) {
                out.write(color, () -> {
                    if (range == null) {
                        shown.writeColor(color, kind);
                    } else {
                        shown.writeColor(color, kind, range[0], range[1]);
                    }
                });
            }
            if (depthFile != null) {
                Camera cam = camera;
                out.write(depthFile, () -> shown.writeDepth(depthFile, cam));
            }
            if (plyFile != null) {
                Camera cam = camera;
                int points = out.write(plyFile, () -> shown.writePointCloud(plyFile, cam, maxDepth));
                System.err.println("point cloud: " + points + " points");
            }
            out.commit();
        } catch (IOException | RuntimeException e) {
            out.rollback();
            throw e;
        }
        System.err.printf(Locale.ROOT, "%s: %dx%d in %.2f s -> %s%n", description, l.width(), l.height(), seconds,
                String.join(", ", out.written().stream().map(Path::toString).toList()));
        return 0;
    }

    /** --min-confidence is a probability. */
    static void checkMinConfidence(Float t) {
        if (t != null && !(t >= 0 && t <= 1)) {
            throw new UserError("--min-confidence " + t + ": expected a confidence from 0 to 1, e.g. 0.5");
        }
    }

    private static float[] parseRange(String s) {
        String[] parts = s.split(":");
        try {
            if (parts.length == 2) {
                float min = Float.parseFloat(parts[0]);
                float max = Float.parseFloat(parts[1]);
                if (max > min) {
                    return new float[] {min, max};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserError("--color-range " + s + ": expected MIN:MAX with MAX > MIN, e.g. 0:192");
    }
}
