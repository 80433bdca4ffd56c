package bgnet.app;

import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.ColorMap;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.OutputException;
import bgnet.model.io.PfmFile;
import bgnet.model.io.PlyWriter;
import bgnet.model.io.PointCloud;
import bgnet.model.io.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the files of one result — disparity, colour map, depth, point cloud — for `predict` and the
 * live demo's snapshots alike. All or nothing: if one write fails, the ones already written are removed.
 */
public final class OutputFiles {
    private final List<Path> written = new ArrayList<>();

    /** Fails early, before any computing, when a target's folder does not exist or the format is unknown. */
    public static void checkTargets(Path disparity, Path color, Path depth, Path ply) {
        if (disparity != null) {
            requireExtension(disparity, "--output", ".pfm", ".png");
        }
        if (color != null) {
            requireExtension(color, "--color", ".png");
        }
        if (depth != null) {
            requireExtension(depth, "--depth", ".pfm", ".png");
        }
        if (ply != null) {
            requireExtension(ply, "--ply", ".ply");
        }
        for (Path p : new Path[] {disparity, color, depth, ply}) {
            if (p == null) {
                continue;
            }
            Path dir = p.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new UserError(p + ": cannot write, folder " + dir + " does not exist");
            }
            if (Files.isDirectory(p)) {
                throw new UserError(p + ": cannot write, it is a folder");
            }
        }
    }

    public void disparity(Path target, DisparityMap map) throws OutputException {
        if (extension(target).equals(".pfm")) {
            PfmFile.write(target, map);
        } else {
            KittiPng.write(target, map);
        }
        written.add(target);
    }

    public void color(Path target, ColorMap colorMap, DisparityMap map) throws OutputException {
        colorMap.writePng(target, map);
        written.add(target);
    }

    public void depth(Path target, DepthMap depth) throws OutputException {
        if (extension(target).equals(".pfm")) {
            depth.writePfm(target);
        } else {
            depth.writePngMillimetres(target);
        }
        written.add(target);
    }

    /** Returns the number of points written. */
    public int pointCloud(Path target, DisparityMap map, RgbImage colours, CameraIntrinsics camera, double maxDepthM)
            throws OutputException {
        int n = PlyWriter.write(target, PointCloud.fromDisparity(map, colours, camera, maxDepthM));
        written.add(target);
        return n;
    }

    /** Removes what this set wrote (after a later write failed). */
    public void rollback() {
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // nothing better to do: the original error is what the user needs to see
            }
        }
        written.clear();
    }

    public List<Path> written() {
        return List.copyOf(written);
    }

    private static void requireExtension(Path p, String option, String... allowed) {
        String ext = extension(p);
        for (String a : allowed) {
            if (a.equals(ext)) {
                return;
            }
        }
        throw new UserError(option + " " + p + ": unsupported file type '" + ext + "' (use " + String.join(" or ", allowed) + ")");
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
