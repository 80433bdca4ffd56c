package bgnet.app.calib;

import bgnet.model.io.CameraIntrinsics;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The camera options shared by `live` and `predict`: a calibration file and/or focal length and baseline. */
public final class CalibrationOptions {

    @Option(names = "--calib", paramLabel = "FILE",
            description = "OpenCV stereo calibration (cv::FileStorage YAML/XML: K1 D1 K2 D2 R T [image_size], or R1 R2 P1 P2). "
                    + "Frames are rectified with it; without it they are assumed rectified.")
    public Path calib;

    @Option(names = "--focal", paramLabel = "PX",
            description = "Focal length in pixels of the (rectified) camera image; overrides the calibration's.")
    public Double focal;

    @Option(names = "--baseline", paramLabel = "M",
            description = "Distance between the two cameras in metres; overrides the calibration's.")
    public Double baseline;

    /** The calibration named by --calib, if any. */
    public Optional<StereoCalibration> calibration() throws CalibrationException {
        return calib == null ? Optional.empty() : Optional.of(StereoCalibration.read(calib));
    }

    /**
     * The camera for rectified images of width x height: the calibration's (if --calib), with --focal and
     * --baseline applied; without --calib both flags are needed and the principal point is the image centre.
     * Empty when nothing says how far the cameras are apart. This is what `predict --depth/--ply` needs.
     */
    public Optional<CameraIntrinsics> camera(int width, int height) throws CalibrationException {
        Optional<StereoCalibration> c = calibration();
        if (c.isPresent()) {
            try (Rectification r = c.get().forImageSize(width, height)) {
                return resolve(r.camera(), width, height);
            }
        }
        return resolve(null, width, height);
    }

    /** Applies the flags to a calibration's camera (null when there is no calibration). */
    public Optional<CameraIntrinsics> resolve(CameraIntrinsics fromCalibration, int width, int height) throws CalibrationException {
        if (focal != null && !(focal > 0 && Double.isFinite(focal))) {
            throw new CalibrationException("--focal must be a positive number of pixels, got " + focal);
        }
        if (baseline != null && !(baseline > 0 && Double.isFinite(baseline))) {
            throw new CalibrationException("--baseline must be a positive number of metres, got " + baseline);
        }
        if (fromCalibration != null) {
            return Optional.of(new CameraIntrinsics(focal != null ? focal : fromCalibration.focalPx(),
                    fromCalibration.cx(), fromCalibration.cy(), baseline != null ? baseline : fromCalibration.baselineM()));
        }
        if (focal == null && baseline == null) {
            return Optional.empty();
        }
        if (focal == null || baseline == null) {
            throw new CalibrationException((focal == null ? "--baseline needs --focal" : "--focal needs --baseline") + " (or --calib)");
        }
        return Optional.of(CameraIntrinsics.centred(focal, baseline, width, height));
    }
}
