package bgnet.app.live;

import bgnet.model.io.CameraIntrinsics;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFitTest {

    @Test
    void coversTheTargetCropsTheCentreAndMovesThePrincipalPointWithThePixels() {
        // A 1280x720 frame with a bright column at x = 800 and a bright row at y = 100.
        try (Mat src = new Mat(720, 1280, CV_8UC3, new Scalar(0.0)); Mat scratch = new Mat(); Mat out = new Mat()) {
            try (UByteIndexer idx = src.createIndexer()) {
                for (int y = 0; y < 720; y++) {
                    for (int c = 0; c < 3; c++) {
                        idx.put(y, 800, c, 255);
                    }
                }
                for (int x = 0; x < 1280; x++) {
                    for (int c = 0; c < 3; c++) {
                        idx.put(100, x, c, 255);
                    }
                }
            }
            NetworkFit fit = new NetworkFit(1280, 720, 640, 384);
            fit.apply(src, scratch, out);
            assertEquals(640, out.cols());
            assertEquals(384, out.rows());
            assertTrue(out.isContinuous());

            // Where the camera model says those pixels go must be where the image put them.
            CameraIntrinsics moved = fit.apply(new CameraIntrinsics(1000, 800, 100, 0.12));
            assertEquals(brightestColumn(out, 300), moved.cx(), 0.5);
            assertEquals(brightestRow(out, 10), moved.cy(), 0.5);
            assertEquals(1000 * 384 / 720.0, moved.focalPx(), 1.0, "f scales with the image (the height decides here)");
            assertEquals(0.12, moved.baselineM(), 0);
        }
    }

    private static double brightestColumn(Mat m, int row) {
        double sum = 0, weighted = 0;
        try (UByteIndexer idx = m.createIndexer()) {
            for (int x = 0; x < m.cols(); x++) {
                int v = idx.get(row, x, 1);
                sum += v;
                weighted += v * x;
            }
        }
        return weighted / sum;
    }

    private static double brightestRow(Mat m, int column) {
        double sum = 0, weighted = 0;
        try (UByteIndexer idx = m.createIndexer()) {
            for (int y = 0; y < m.rows(); y++) {
                int v = idx.get(y, column, 1);
                sum += v;
                weighted += v * y;
            }
        }
        return weighted / sum;
    }
}
