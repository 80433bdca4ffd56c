package bgnet.app.live;

import bgnet.model.io.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Continuous 8-bit BGR Mats to the model's colour image record. */
final class MatImages {

    private MatImages() {
    }

    /** The BGR bytes of a continuous CV_8UC3 Mat, row-major. */
    static byte[] bgrBytes(Mat bgr) {
        if (bgr.type() != CV_8UC3 || !bgr.isContinuous()) {
            throw new IllegalArgumentException("expected a continuous 8-bit BGR Mat, got type " + bgr.type());
        }
        byte[] bytes = new byte[bgr.cols() * bgr.rows() * 3];
        bgr.data().get(bytes);
        return bytes;
    }

    static RgbImage rgb(int width, int height, byte[] bgr) {
        int[] px = new int[width * height];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            px[i] = (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
        }
        return new RgbImage(width, height, px);
    }
}
