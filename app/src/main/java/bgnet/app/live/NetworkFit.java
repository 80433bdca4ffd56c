package bgnet.app.live;

import bgnet.model.io.CameraIntrinsics;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Brings frames of one size to the network's input size without distorting them: scale so the
 * frame covers the target, then crop the centre. Both eyes get the same transform, so rows stay
 * aligned and disparities scale with the width.
 */
final class NetworkFit {

    private final int resizedWidth;
    private final int resizedHeight;
    private final int offX;
    private final int offY;
    private final int width;
    private final int height;
    private final double scaleX;
    private final double scaleY;

    NetworkFit(int srcWidth, int srcHeight, int width, int height) {
        double s = Math.max(width / (double) srcWidth, height / (double) srcHeight);
        this.resizedWidth = Math.max(width, (int) Math.round(srcWidth * s));
        this.resizedHeight = Math.max(height, (int) Math.round(srcHeight * s));
        this.offX = (resizedWidth - width) / 2;
        this.offY = (resizedHeight - height) / 2;
        this.width = width;
        this.height = height;
        this.scaleX = resizedWidth / (double) srcWidth;
        this.scaleY = resizedHeight / (double) srcHeight;
    }

    /** Resizes src into scratch (when needed) and copies the centre crop into out (continuous). */
    void apply(Mat src, Mat scratch, Mat out) {
        Mat resized = src;
        if (resizedWidth != src.cols() || resizedHeight != src.rows()) {
            // INTER_AREA when shrinking avoids aliasing of fine texture, which would hurt matching.
            try (Size size = new Size(resizedWidth, resizedHeight)) {
                resize(src, scratch, size, 0, 0, scaleX < 1 ? INTER_AREA : INTER_LINEAR);
            }
            resized = scratch;
        }
        try (Rect crop = new Rect(offX, offY, width, height); Mat view = new Mat(resized, crop)) {
            view.copyTo(out);
        }
    }

    /**
     * The camera after this transform: f scales with the width, the principal point moves with the
     * crop. Pixel centres follow cv::resize, where source x lands on (x + 0.5)·s − 0.5.
     */
    CameraIntrinsics apply(CameraIntrinsics c) {
        return new CameraIntrinsics(c.focalPx() * scaleX, (c.cx() + 0.5) * scaleX - 0.5 - offX,
                (c.cy() + 0.5) * scaleY - 0.5 - offY, c.baselineM());
    }
}
