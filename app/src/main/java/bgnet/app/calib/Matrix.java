package bgnet.app.calib;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

/** A small dense matrix of doubles, row-major: the calibration's numbers outside of OpenCV. */
record Matrix(int rows, int cols, double[] values) {
    Matrix {
        if (rows <= 0 || cols <= 0 || values.length != rows * cols) {
            throw new IllegalArgumentException("Matrix " + rows + "x" + cols + " with " + values.length + " values");
        }
    }

    double at(int r, int c) {
        return values[r * cols + c];
    }

    int size() {
        return values.length;
    }

    static Matrix of(Mat mat) {
        try (Mat m64 = new Mat()) {
            mat.convertTo(m64, CV_64F);
            int rows = m64.rows(), cols = m64.cols() * m64.channels();
            double[] v = new double[rows * cols];
            try (DoubleIndexer idx = m64.reshape(1, rows).createIndexer()) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        v[r * cols + c] = idx.get(r, c);
                    }
                }
            }
            return new Matrix(rows, cols, v);
        }
    }

    /** A new CV_64F Mat holding these values; the caller closes it. */
    Mat toMat() {
        Mat m = new Mat(rows, cols, CV_64F);
        try (DoubleIndexer idx = m.createIndexer()) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    idx.put(r, c, at(r, c));
                }
            }
        }
        return m;
    }
}
