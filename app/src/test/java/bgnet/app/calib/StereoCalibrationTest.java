package bgnet.app.calib;

import bgnet.model.io.CameraIntrinsics;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StereoCalibrationTest {

    @TempDir
    Path dir;

    private final SyntheticRig rig = new SyntheticRig();

    @Test
    void rectifiedRowsLineUpAndDepthFollowsFromTheBaseline() throws Exception {
        Path yaml = Files.writeString(dir.resolve("stereo.yaml"), rig.yaml());
        StereoCalibration calibration = StereoCalibration.read(yaml);
        assertTrue(calibration.rectifies());

        try (Mat left = rig.render(false); Mat right = rig.render(true);
             Rectification rect = calibration.forImageSize(SyntheticRig.WIDTH, SyntheticRig.HEIGHT);
             Mat outLeft = new Mat(); Mat outRight = new Mat()) {
            List<double[]> rawL = SpotFinder.spots(left), rawR = SpotFinder.spots(right);
            assertEquals(rig.points.length, rawL.size());
            assertEquals(rig.points.length, rawR.size());
            // Without rectification the rig's pitch puts each point tens of rows apart in the two images.
            assertTrue(maxRowGap(rawL, rawR) > 20, "the synthetic rig must need rectification");

            rect.apply(left, right, outLeft, outRight);
            List<double[]> l = SpotFinder.spots(outLeft), r = SpotFinder.spots(outRight);
            assertEquals(rig.points.length, l.size());
            assertEquals(rig.points.length, r.size());
            assertTrue(maxRowGap(l, r) < 0.3, "rectified rows differ by " + maxRowGap(l, r) + " px");

            CameraIntrinsics g = rect.camera();
            double norm = Math.sqrt(rig.t[0] * rig.t[0] + rig.t[1] * rig.t[1] + rig.t[2] * rig.t[2]);
            assertEquals(norm, g.baselineM(), 1e-9, "stereoRectify's baseline is |T|");
            // Rectification rotates the cameras about their centres, so each spot's distance from the
            // left camera centre, rebuilt from Z = f·B/d, must match one scene point's true distance.
            boolean[] matched = new boolean[rig.points.length];
            for (int i = 0; i < l.size(); i++) {
                double z = g.focalPx() * g.baselineM() / (l.get(i)[0] - r.get(i)[0]);
                double x = (l.get(i)[0] - g.cx()) * z / g.focalPx(), y = (l.get(i)[1] - g.cy()) * z / g.focalPx();
                int k = nearest(Math.sqrt(x * x + y * y + z * z));
                assertFalse(matched[k], "two spots rebuilt at the distance of point " + k);
                matched[k] = true;
            }
        }
    }

    /** The scene point whose distance from the left camera is nearest, within 1%. */
    private int nearest(double distance) {
        for (int k = 0; k < rig.points.length; k++) {
            double[] p = rig.points[k];
            double d = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            if (Math.abs(d - distance) < 0.01 * d) {
                return k;
            }
        }
        throw new AssertionError("no scene point at distance " + distance);
    }

    private static double maxRowGap(List<double[]> a, List<double[]> b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.get(i)[1] - b.get(i)[1]));
        }
        return max;
    }

    @Test
    void readsXmlWrittenByFileStorageIncludingGivenProjections() throws Exception {
        Path xml = dir.resolve("stereo.xml");
        FileStorage fs = new FileStorage(xml.toString(), FileStorage.WRITE);
        try (Mat p1 = projection(700, 0); Mat p2 = projection(700, -700 * 0.25)) {
            fs.write("P1", p1);
            fs.write("P2", p2);
        }
        fs.release();
        assertTrue(Files.readString(xml).contains("opencv-matrix"));

        StereoCalibration calibration = StereoCalibration.read(xml);
        assertFalse(calibration.rectifies(), "P1/P2 alone describe already-rectified frames");
        try (Rectification rect = calibration.forImageSize(640, 480)) {
            assertFalse(rect.remaps());
            CameraIntrinsics g = rect.camera();
            assertEquals(700, g.focalPx(), 1e-12);
            assertEquals(0.25, g.baselineM(), 1e-12);
            assertEquals(310, g.cx(), 1e-12);
            assertEquals(230, g.cy(), 1e-12);
        }
    }

    private static Mat projection(double f, double fTx) {
        Mat m = new Matrix(3, 4, new double[] {f, 0, 310, fTx, 0, f, 230, 0, 0, 0, 1, 0}).toMat();
        return m;
    }

    @Test
    void frameSizeMustMatchTheCalibration() throws Exception {
        Path yaml = Files.writeString(dir.resolve("stereo.yaml"), rig.yaml());
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> StereoCalibration.read(yaml).forImageSize(1280, 720));
        assertTrue(e.getMessage().contains("1280x720") && e.getMessage().contains("640x480"), e.getMessage());
    }

    @Test
    void incompleteOrBrokenFilesSayWhatIsWrong() throws Exception {
        Path missingT = Files.writeString(dir.resolve("noT.yaml"), rig.yaml().replaceAll("(?s)T: !!opencv-matrix.*", ""));
        CalibrationException e = assertThrows(CalibrationException.class, () -> StereoCalibration.read(missingT));
        assertTrue(e.getMessage().contains("found D1 D2 K1 K2 R"), e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "%YAML:1.0\nK1: [ unclosed\n");
        e = assertThrows(CalibrationException.class, () -> StereoCalibration.read(broken));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());

        e = assertThrows(CalibrationException.class, () -> StereoCalibration.read(dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().startsWith("calibration file not found"), e.getMessage());
    }

    @Test
    void flagsOverrideTheCalibrationOrStandAlone() throws Exception {
        CalibrationOptions options = new CalibrationOptions();
        assertTrue(options.camera(640, 480).isEmpty(), "no calibration, no flags: no depth");

        options.focal = 600.0;
        CalibrationException e = assertThrows(CalibrationException.class, () -> options.camera(640, 480));
        assertEquals("--focal needs --baseline (or --calib)", e.getMessage());

        options.baseline = 0.1;
        CameraIntrinsics g = options.camera(640, 480).orElseThrow();
        assertEquals(new CameraIntrinsics(600, 319.5, 239.5, 0.1), g);

        options.calib = Files.writeString(dir.resolve("stereo.yaml"), rig.yaml());
        options.focal = null;
        g = options.camera(640, 480).orElseThrow();
        assertEquals(0.1, g.baselineM(), 0, "--baseline wins over T");
        try (Rectification rect = StereoCalibration.read(options.calib).forImageSize(640, 480)) {
            assertEquals(rect.camera().focalPx(), g.focalPx(), 0, "f from the calibration");
        }
    }
}
