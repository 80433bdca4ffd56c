package bgnet.app.calib;

import bgnet.model.io.CameraIntrinsics;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

/**
 * Rectification of one frame size: the remap tables of both cameras (absent when the frames are
 * already rectified) and the rectified left camera with the baseline.
 */
public final class Rectification implements AutoCloseable {

    private final Mat[] left;   // map1 (CV_16SC2), map2 (CV_16UC1), or null
    private final Mat[] right;
    private final CameraIntrinsics camera;

    Rectification(Mat[] left, Mat[] right, CameraIntrinsics camera) {
        this.left = left;
        this.right = right;
        this.camera = camera;
    }

    /** The rectified left camera: f, principal point, baseline. */
    public CameraIntrinsics camera() {
        return camera;
    }

    /** Whether {@link #apply} changes pixels (false: the frames were already rectified). */
    public boolean remaps() {
        return left != null;
    }

    /** Remaps a raw pair into rectified images (copies when there is nothing to do). */
    public void apply(Mat rawLeft, Mat rawRight, Mat outLeft, Mat outRight) {
        if (left == null) {
            rawLeft.copyTo(outLeft);
            rawRight.copyTo(outRight);
            return;
        }
        try (Scalar black = new Scalar(0.0)) {
            remap(rawLeft, outLeft, left[0], left[1], INTER_LINEAR, BORDER_CONSTANT, black);
            remap(rawRight, outRight, right[0], right[1], INTER_LINEAR, BORDER_CONSTANT, black);
        }
    }

    @Override
    public void close() {
        if (left != null) {
            for (Mat m : left) {
                m.close();
            }
            for (Mat m : right) {
                m.close();
            }
        }
    }
}
