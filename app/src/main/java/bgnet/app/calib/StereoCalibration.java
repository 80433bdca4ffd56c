package bgnet.app.calib;

import bgnet.model.io.CameraIntrinsics;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_ZERO_DISPARITY;
import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.initUndistortRectifyMap;
import static org.bytedeco.opencv.global.opencv_calib3d.stereoRectify;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC2;

/**
 * An OpenCV stereo calibration, turned into what the pipeline needs for frames of one size:
 * the rectification maps and the rectified left camera (f, cx, cy) with the baseline B.
 * <p>
 * Three kinds of file are understood: K1 D1 K2 D2 R T (rectified here with stereoRectify, alpha 0 so
 * that every output pixel is valid); the same plus R1 R2 P1 P2 (used as given); or P1 P2 alone
 * (frames already rectified: camera only, no remap). T, and so the baseline, is taken to be in metres.
 */
public final class StereoCalibration {

    private final Path file;
    private final CalibrationFile.Contents contents;

    private StereoCalibration(Path file, CalibrationFile.Contents contents) {
        this.file = file;
        this.contents = contents;
    }

    public static StereoCalibration read(Path file) throws CalibrationException {
        CalibrationFile.Contents c = CalibrationFile.read(file);
        boolean intrinsics = c.has("K1", "D1", "K2", "D2");
        if (!(intrinsics && (c.has("R", "T") || c.has("R1", "R2", "P1", "P2"))) && !c.has("P1", "P2")) {
            throw new CalibrationException(file + ": needs K1 D1 K2 D2 with R T (or with R1 R2 P1 P2), or P1 P2 for rectified frames; found "
                    + (c.matrices().isEmpty() ? "none of them" : String.join(" ", c.matrices().keySet().stream().sorted().toList())));
        }
        return new StereoCalibration(file, c);
    }

    /** Whether frames must be remapped (the file describes raw cameras, not already-rectified ones). */
    public boolean rectifies() {
        return contents.has("K1", "D1", "K2", "D2");
    }

    /** The image size [width, height] the calibration was made for, when the file says. */
    public Optional<int[]> imageSize() {
        return contents.imageSize();
    }

    /** Maps and camera for frames of this size (the size the file names, if it names one). */
    public Rectification forImageSize(int width, int height) throws CalibrationException {
        Optional<int[]> expected = contents.imageSize();
        if (expected.isPresent() && (expected.get()[0] != width || expected.get()[1] != height)) {
            throw new CalibrationException("frames are " + width + "x" + height + " but " + file + " is for "
                    + expected.get()[0] + "x" + expected.get()[1] + " images");
        }
        if (!rectifies()) {
            return new Rectification(null, null, camera(contents.get("P1"), contents.get("P2")));
        }
        Matrix r1, r2, p1, p2;
        if (contents.has("R1", "R2", "P1", "P2")) {
            r1 = contents.get("R1");
            r2 = contents.get("R2");
            p1 = contents.get("P1");
            p2 = contents.get("P2");
        } else {
            Matrix[] rp = rectify(width, height);
            r1 = rp[0];
            r2 = rp[1];
            p1 = rp[2];
            p2 = rp[3];
        }
        CameraIntrinsics camera = camera(p1, p2);
        Mat[] left = maps("K1", "D1", r1, p1, width, height);
        Mat[] right = maps("K2", "D2", r2, p2, width, height);
        return new Rectification(left, right, camera);
    }

    /** stereoRectify with the principal points made equal, so that Z = f·B/d holds without an offset. */
    private Matrix[] rectify(int width, int height) throws CalibrationException {
        Matrix t = contents.get("T");
        if (t.size() != 3) {
            throw new CalibrationException(file + ": T must have 3 elements, has " + t.size());
        }
        try (Mat k1 = contents.get("K1").toMat(); Mat d1 = contents.get("D1").toMat();
             Mat k2 = contents.get("K2").toMat(); Mat d2 = contents.get("D2").toMat();
             Mat r = rotation(contents.get("R")); Mat tm = t.toMat();
             Mat r1 = new Mat(); Mat r2 = new Mat(); Mat p1 = new Mat(); Mat p2 = new Mat(); Mat q = new Mat();
             Size size = new Size(width, height); Rect roi1 = new Rect(); Rect roi2 = new Rect()) {
            stereoRectify(k1, d1, k2, d2, size, r, tm, r1, r2, p1, p2, q, CALIB_ZERO_DISPARITY, 0.0, size, roi1, roi2);
            return new Matrix[] {Matrix.of(r1), Matrix.of(r2), Matrix.of(p1), Matrix.of(p2)};
        } catch (RuntimeException e) {
            throw new CalibrationException(file + ": stereoRectify failed: " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
    }

    /** R as a 3x3 matrix, or a Rodrigues vector as some tools write it. */
    private Mat rotation(Matrix r) throws CalibrationException {
        if (r.size() == 9) {
            return new Matrix(3, 3, r.values()).toMat();
        }
        if (r.size() == 3) {
            try (Mat v = new Matrix(3, 1, r.values()).toMat()) {
                Mat m = new Mat();
                Rodrigues(v, m);
                return m;
            }
        }
        throw new CalibrationException(file + ": R must be 3x3 (or a 3-element rotation vector), has " + r.size() + " elements");
    }

    private Mat[] maps(String k, String d, Matrix r, Matrix p, int width, int height) throws CalibrationException {
        try (Mat km = contents.get(k).toMat(); Mat dm = contents.get(d).toMat(); Mat rm = r.toMat(); Mat pm = p.toMat();
             Size size = new Size(width, height)) {
            Mat map1 = new Mat(), map2 = new Mat();
            initUndistortRectifyMap(km, dm, rm, pm, size, CV_16SC2, map1, map2);
            return new Mat[] {map1, map2};
        } catch (RuntimeException e) {
            throw new CalibrationException(file + ": initUndistortRectifyMap failed for " + k + "/" + d + ": "
                    + e.getMessage().strip().lines().findFirst().orElse(""));
        }
    }

    /** f and principal point from P1; the baseline from P2's fourth column (P2[0][3] = −f·B). */
    private CameraIntrinsics camera(Matrix p1, Matrix p2) throws CalibrationException {
        if (p1.rows() != 3 || p1.cols() != 4 || p2.rows() != 3 || p2.cols() != 4) {
            throw new CalibrationException(file + ": P1 and P2 must be 3x4 projection matrices");
        }
        double f = p2.at(0, 0);
        if (Math.abs(p2.at(1, 3)) > 1e-6 * Math.abs(p2.at(0, 3)) + 1e-9) {
            throw new CalibrationException(file + ": vertical stereo (P2 has a vertical baseline) is not supported; cameras must sit side by side");
        }
        double baseline = -p2.at(0, 3) / f;
        if (!(baseline > 0)) {
            throw new CalibrationException(file + ": P2 puts the second camera on the left (baseline " + baseline
                    + "); swap the left and right inputs");
        }
        return new CameraIntrinsics(f, p1.at(0, 2), p1.at(1, 2), baseline);
    }
}
