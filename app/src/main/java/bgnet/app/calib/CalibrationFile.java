package bgnet.app.calib;

import org.bytedeco.opencv.opencv_core.FileNode;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OpenCV stereo calibration written by cv::FileStorage (YAML or XML): whichever of
 * K1 D1 K2 D2 R T R1 R2 P1 P2 and the image size it holds. Accepts the names OpenCV's own samples
 * and tools use (M1/M2 from stereo_calib.cpp, cameraMatrix1, distCoeffs1, …).
 */
final class CalibrationFile {

    /** Canonical name → names tried in the file, in order. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "K1", List.of("K1", "M1", "cameraMatrix1", "camera_matrix_1"),
            "D1", List.of("D1", "distCoeffs1", "dist_coeffs_1", "dist1"),
            "K2", List.of("K2", "M2", "cameraMatrix2", "camera_matrix_2"),
            "D2", List.of("D2", "distCoeffs2", "dist_coeffs_2", "dist2"),
            "R", List.of("R"), "T", List.of("T"),
            "R1", List.of("R1"), "R2", List.of("R2"), "P1", List.of("P1"), "P2", List.of("P2"));

    private CalibrationFile() {
    }

    /** The matrices found (by canonical name) and the image size, when the file gives one. */
    record Contents(Map<String, Matrix> matrices, Optional<int[]> imageSize) {
        boolean has(String... names) {
            for (String n : names) {
                if (!matrices.containsKey(n)) {
                    return false;
                }
            }
            return true;
        }

        Matrix get(String name) {
            return matrices.get(name);
        }
    }

    static Contents read(Path file) throws CalibrationException {
        if (!Files.isRegularFile(file)) {
            throw new CalibrationException("calibration file not found: " + file);
        }
        FileStorage fs;
        try {
            fs = new FileStorage(file.toString(), FileStorage.READ);
        } catch (RuntimeException e) {
            throw new CalibrationException("cannot parse calibration " + file + " (expected cv::FileStorage YAML or XML): " + firstLine(e));
        }
        try {
            if (!fs.isOpened()) {
                throw new CalibrationException("cannot open calibration " + file + " (expected cv::FileStorage YAML or XML)");
            }
            Map<String, Matrix> found = new HashMap<>();
            for (var entry : ALIASES.entrySet()) {
                for (String name : entry.getValue()) {
                    Optional<Matrix> m = matrix(fs.get(name), file, name);
                    if (m.isPresent()) {
                        found.put(entry.getKey(), m.get());
                        break;
                    }
                }
            }
            return new Contents(found, imageSize(fs, file));
        } finally {
            fs.release();
            fs.close();
        }
    }

    private static Optional<Matrix> matrix(FileNode node, Path file, String name) throws CalibrationException {
        if (node.isNone()) {
            return Optional.empty();
        }
        try (Mat m = node.mat()) {
            if (m.empty()) {
                throw new CalibrationException(file + ": " + name + " is not an opencv-matrix");
            }
            return Optional.of(Matrix.of(m));
        } catch (RuntimeException e) {
            throw new CalibrationException(file + ": " + name + " is not an opencv-matrix: " + firstLine(e));
        }
    }

    /** image_size / imageSize / size as [w, h] (a sequence or a matrix), or image_width + image_height. */
    private static Optional<int[]> imageSize(FileStorage fs, Path file) throws CalibrationException {
        for (String name : List.of("image_size", "imageSize", "size")) {
            FileNode node = fs.get(name);
            if (node.isNone()) {
                continue;
            }
            double[] wh;
            if (node.isSeq() && node.size() == 2) {
                wh = new double[] {node.at(0).real(), node.at(1).real()};
            } else {
                Matrix m = matrix(node, file, name).orElseThrow();
                wh = m.size() == 2 ? m.values() : new double[0];
            }
            if (wh.length != 2 || wh[0] < 1 || wh[1] < 1) {
                throw new CalibrationException(file + ": " + name + " must be [width, height]");
            }
            return Optional.of(new int[] {(int) wh[0], (int) wh[1]});
        }
        FileNode w = fs.get("image_width"), h = fs.get("image_height");
        if (!w.isNone() && !h.isNone()) {
            return Optional.of(new int[] {w.asInt(), h.asInt()});
        }
        return Optional.empty();
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
