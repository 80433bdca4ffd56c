package bgnet.app;

import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.ColorMap;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.InterruptCleanup;
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
 * live demo's snapshots alike. All or nothing: if one write fails (or the run is interrupted), the
 * ones already written are undone — files that were there before are put back — until {@link #commit}.
 */
public final class OutputFiles {
    private final List<Path> written = new ArrayList<>();
    private final List<PreviousFile> previous = new ArrayList<>();
    private InterruptCleanup.Registration onInterrupt;

    /** Fails early, before any computing, when a target's folder does not exist or the format is unknown. */
    public static void checkTargets(Path disparity, Path color, Path depth, Path ply) {
        checkTargets(disparity, null, color, depth, ply);
    }

    /** As {@link #checkTargets(Path, Path, Path, Path)}, with --confidence. */
    public static void checkTargets(Path disparity, Path confidence, Path color, Path depth, Path ply) {
        if (confidence != null) {
            requireExtension(confidence, "--confidence", ".pfm", ".png");
        }
        checkWritable(confidence);
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
            checkWritable(p);
        }
    }

    /** Fails early when {@code p}'s folder does not exist or {@code p} is a folder; null passes. */
    public static void checkWritable(Path p) {
        if (p == null) {
            return;
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(p + ": cannot write, folder " + dir + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw new UserError(p + ": cannot write, it is a folder");
        }
    }

    /** One file written by {@code action} (e.g. a {@link bgnet.api.StereoResult} write), part of this set. */
    public <T> T write(Path target, java.util.function.Supplier<T> action) throws OutputException {
        keepPrevious(target);
        T value = action.get();
        written.add(target);
        return value;
    }

    /** As {@link #write(Path, java.util.function.Supplier)}, for an action with no value. */
    public void write(Path target, Runnable action) throws OutputException {
        write(target, () -> {
            action.run();
            return null;
        });
    }

    public void disparity(Path target, DisparityMap map) throws OutputException {
        keepPrevious(target);
        if (extension(target).equals(".pfm")) {
            PfmFile.write(target, map);
        } else {
            KittiPng.write(target, map);
        }
        written.add(target);
    }

    public void color(Path target, ColorMap colorMap, DisparityMap map) throws OutputException {
        keepPrevious(target);
        colorMap.writePng(target, map);
        written.add(target);
    }

    public void depth(Path target, DepthMap depth) throws OutputException {
        keepPrevious(target);
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
        keepPrevious(target);
        int n = PlyWriter.write(target, PointCloud.fromDisparity(map, colours, camera, maxDepthM));
        written.add(target);
        return n;
    }

    /** Undoes what this set wrote (after a later write failed): old files are restored, new ones removed. */
    public synchronized void rollback() {
        for (int i = previous.size() - 1; i >= 0; i--) {
            try {
                previous.get(i).restore();
            } catch (IOException ignored) {
                // nothing better to do: the original error is what the user needs to see
            }
        }
        previous.clear();
        written.clear();
        forgetInterrupt();
    }

    /** The set is complete: keep the new files and drop the old ones. */
    public synchronized void commit() {
        for (PreviousFile p : previous) {
            try {
                p.discard();
            } catch (IOException ignored) {
                // a hidden leftover is harmless; the outputs are written
            }
        }
        previous.clear();
        forgetInterrupt();
    }

    private synchronized void keepPrevious(Path target) throws OutputException {
        try {
            previous.add(PreviousFile.keep(target));
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write, the file there cannot be kept for a rollback ("
                    + e.getMessage() + ")", e);
        }
        if (onInterrupt == null) {
            onInterrupt = InterruptCleanup.register(this::rollback);
        }
    }

    private void forgetInterrupt() {
        if (onInterrupt != null) {
            onInterrupt.close();
            onInterrupt = null;
        }
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
