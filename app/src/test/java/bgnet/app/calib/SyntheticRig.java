package bgnet.app.calib;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * A made-up stereo rig with a known rotation between the cameras, and images of bright points
 * rendered through its exact pinhole projection (no distortion).
 */
final class SyntheticRig {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final double F = 500;
    static final double CX = 319.5;
    static final double CY = 239.5;

    /** Right camera from left: X_r = R·X_l + T. About 4° of pitch, 2° of roll, 1° of yaw. */
    final double[] r = multiply(multiply(rotX(Math.toRadians(4)), rotZ(Math.toRadians(2))), rotY(Math.toRadians(1)));
    final double[] t = {-0.12, 0.01, 0.005};

    /** Points in front of the left camera, metres, spread over distinct rows. */
    final double[][] points = {
            {-0.30, -0.25, 2.0}, {0.10, -0.10, 2.5}, {0.40, 0.05, 3.0}, {-0.20, 0.20, 2.2}, {0.25, 0.45, 3.5}};

    double[] projectLeft(double[] p) {
        return new double[] {F * p[0] / p[2] + CX, F * p[1] / p[2] + CY};
    }

    double[] projectRight(double[] p) {
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            q[i] = r[3 * i] * p[0] + r[3 * i + 1] * p[1] + r[3 * i + 2] * p[2] + t[i];
        }
        return projectLeft(q);
    }

    /** A BGR image with a small Gaussian spot at each projected point. */
    Mat render(boolean right) {
        float[] img = new float[WIDTH * HEIGHT];
        for (double[] p : points) {
            double[] uv = right ? projectRight(p) : projectLeft(p);
            for (int y = (int) uv[1] - 8; y <= (int) uv[1] + 8; y++) {
                for (int x = (int) uv[0] - 8; x <= (int) uv[0] + 8; x++) {
                    double d2 = (x - uv[0]) * (x - uv[0]) + (y - uv[1]) * (y - uv[1]);
                    img[y * WIDTH + x] += (float) (250 * Math.exp(-d2 / (2 * 2.0 * 2.0)));
                }
            }
        }
        Mat m = new Mat(HEIGHT, WIDTH, CV_8UC3);
        try (UByteIndexer idx = m.createIndexer()) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int v = Math.min(255, Math.round(img[y * WIDTH + x]));
                    for (int c = 0; c < 3; c++) {
                        idx.put(y, x, c, v);
                    }
                }
            }
        }
        return m;
    }

    /** The rig as cv::FileStorage writes it to YAML (K1 D1 K2 D2 R T, image_size). */
    String yaml() {
        String k = matrix(3, 3, new double[] {F, 0, CX, 0, F, CY, 0, 0, 1});
        String d = matrix(1, 5, new double[5]);
        return "%YAML:1.0\n---\nimage_size: [ " + WIDTH + ", " + HEIGHT + " ]\n"
                + "K1: " + k + "D1: " + d + "K2: " + k + "D2: " + d
                + "R: " + matrix(3, 3, r) + "T: " + matrix(3, 1, t);
    }

    static String matrix(int rows, int cols, double[] v) {
        StringBuilder sb = new StringBuilder("!!opencv-matrix\n   rows: " + rows + "\n   cols: " + cols + "\n   dt: d\n   data: [ ");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", v[i]));
        }
        return sb.append(" ]\n").toString();
    }

    private static double[] rotX(double a) {
        return new double[] {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
    }

    private static double[] rotY(double a) {
        return new double[] {Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)};
    }

    private static double[] rotZ(double a) {
        return new double[] {Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
                }
            }
        }
        return c;
    }
}
