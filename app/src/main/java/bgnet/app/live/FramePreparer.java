package bgnet.app.live;

import bgnet.app.calib.CalibrationException;
import bgnet.app.calib.CalibrationOptions;
import bgnet.app.calib.Rectification;
import bgnet.app.calib.StereoCalibration;
import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.GrayConversion;
import bgnet.model.io.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Raw pair → network input: rectify (when calibrated), fit to the network size, convert to grey
 * and colour images. Set up on the first frame, because only then is the camera's size known.
 */
final class FramePreparer implements AutoCloseable {

    private final Optional<StereoCalibration> calibration;
    private final CalibrationOptions calibrationOptions;
    private final int width;
    private final int height;

    // Scratch buffers reused for every frame: [0] left, [1] right.
    private final Mat[] bgr = {new Mat(), new Mat()};
    private final Mat[] rectified = {new Mat(), new Mat()};
    private final Mat[] resized = {new Mat(), new Mat()};
    private final Mat[] fitted = {new Mat(), new Mat()};

    private Rectification rectification;
    private NetworkFit fit;
    private Optional<CameraIntrinsics> camera;
    private int srcWidth;
    private int srcHeight;

    FramePreparer(Optional<StereoCalibration> calibration, CalibrationOptions calibrationOptions, int width, int height) {
        this.calibration = calibration;
        this.calibrationOptions = calibrationOptions;
        this.width = width;
        this.height = height;
    }

    StereoFrame prepare(Mat rawLeft, Mat rawRight, long index, long capturedNanos) throws SourceException {
        Mat l = toBgr(rawLeft, bgr[0]);
        Mat r = toBgr(rawRight, bgr[1]);
        if (fit == null) {
            setUp(l.cols(), l.rows());
        } else if (l.cols() != srcWidth || l.rows() != srcHeight) {
            throw new SourceException("frame size changed from " + srcWidth + "x" + srcHeight + " to " + l.cols() + "x" + l.rows());
        }
        if (rectification != null) {
            rectification.apply(l, r, rectified[0], rectified[1]);
            l = rectified[0];
            r = rectified[1];
        }
        fit.apply(l, resized[0], fitted[0]);
        fit.apply(r, resized[1], fitted[1]);
        RgbImage left = MatImages.rgb(width, height, MatImages.bgrBytes(fitted[0]));
        RgbImage right = MatImages.rgb(width, height, MatImages.bgrBytes(fitted[1]));
        // The same grey conversion as `predict` (Pillow's), so live and still results agree.
        return new StereoFrame(index, GrayConversion.toGray(left), GrayConversion.toGray(right), left, camera, capturedNanos);
    }

    private void setUp(int w, int h) throws SourceException {
        try {
            rectification = calibration.isPresent() ? calibration.get().forImageSize(w, h) : null;
            CameraIntrinsics calibrated = rectification == null ? null : rectification.camera();
            if (rectification != null && !rectification.remaps()) {
                rectification.close();
                rectification = null; // already-rectified frames: camera only
            }
            fit = new NetworkFit(w, h, width, height);
            camera = calibrationOptions.resolve(calibrated, w, h).map(fit::apply);
        } catch (CalibrationException e) {
            throw new SourceException(e.getMessage());
        }
        srcWidth = w;
        srcHeight = h;
    }

    /** raw itself when it is already 8-bit BGR, else its conversion into out (grey or BGRA cameras). */
    private static Mat toBgr(Mat raw, Mat out) {
        if (raw.type() == CV_8UC3) {
            return raw;
        }
        cvtColor(raw, out, raw.channels() == 1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
        return out;
    }

    @Override
    public void close() {
        if (rectification != null) {
            rectification.close();
        }
        for (Mat[] pair : new Mat[][] {bgr, rectified, resized, fitted}) {
            pair[0].close();
            pair[1].close();
        }
    }
}
