package bgnet.app.live;

import bgnet.model.io.GrayImage;
import bgnet.model.io.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Continuous 8-bit BGR Mats to the model's image records. */
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

    /** Grey levels exactly as Pillow's convert('L') computes them, which is what the network was trained on. */
    static GrayImage gray(int width, int height, byte[] bgr) {
        float[] px = new float[width * height];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            int b = bgr[j] & 0xff, g = bgr[j + 1] & 0xff, r = bgr[j + 2] & 0xff;
            px[i] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
        }
        return new GrayImage(width, height, px);
    }

    static RgbImage rgb(int width, int height, byte[] bgr) {
        int[] px = new int[width * height];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            px[i] = (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
        }
        return new RgbImage(width, height, px);
    }
}
