package bgnet.api;

import bgnet.model.io.ColorMap;
import bgnet.model.io.ConfidenceFiles;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.ConfidenceMask;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.OutputException;
import bgnet.model.io.PfmFile;
import bgnet.model.io.PlyWriter;
import bgnet.model.io.PointCloud;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One pair's disparity (and confidence, when asked for), in the left image's pixels, row-major
 * ({@code values[y * width + x]}). A disparity of 0 means invalid, as in KITTI. Immutable: the arrays
 * handed out are copies. Every {@code write} method writes atomically (a reader sees the old file or the
 * whole new one) and names the file in its {@link WriteException}.
 */
public final class StereoResult {
    private final DisparityMap disparity;
    private final ConfidenceMap confidence;
    private final InputImage left;

    StereoResult(DisparityMap disparity, ConfidenceMap confidence, InputImage left) {
        this.disparity = disparity;
        this.confidence = confidence;
        this.left = left;
    }

    /**
     * A result computed elsewhere (another estimator, a test double), with every output a result has.
     *
     * @param left       the left image it belongs to (its size; its colours for a point cloud)
     * @param disparity  {@code width * height} disparities in pixels, row-major, 0 = invalid (copied)
     * @param confidence {@code width * height} confidences 0..1, or null (copied)
     * @return the result
     * @throws IllegalArgumentException when an array does not fit the image's size
     */
    public static StereoResult of(InputImage left, float[] disparity, float[] confidence) {
        int w = left.width();
        int h = left.height();
        return new StereoResult(new DisparityMap(w, h, disparity.clone()),
                confidence == null ? null : new ConfidenceMap(w, h, confidence.clone()), left);
    }

    /**
     * The width.
     *
     * @return columns, the left image's width
     */
    public int width() {
        return disparity.width();
    }

    /**
     * The height.
     *
     * @return rows, the left image's height
     */
    public int height() {
        return disparity.height();
    }

    /**
     * The disparity of every pixel.
     *
     * @return {@code width * height} disparities in pixels, row-major; 0 = invalid (a copy)
     */
    public float[] disparity() {
        return disparity.values().clone();
    }

    /**
     * Whether the confidence was computed.
     *
     * @return true when this came from an {@code estimateWithConfidence} call
     */
    public boolean hasConfidence() {
        return confidence != null;
    }

    /**
     * How sure the network is of each pixel's disparity.
     *
     * @return {@code width * height} confidences in (0, 1], row-major (a copy)
     * @throws IllegalStateException when the confidence was not asked for
     */
    public float[] confidence() {
        return requireConfidence().values().clone();
    }

    /**
     * This result with the disparities of pixels less confident than {@code threshold} set to 0 (invalid),
     * so that they drop out of every output made from it (files, depth, point cloud).
     *
     * @param threshold minimum confidence, 0..1
     * @return a new result; this one is unchanged
     * @throws IllegalStateException    when the confidence was not asked for
     * @throws IllegalArgumentException when the threshold is outside 0..1
     */
    public StereoResult withMinConfidence(float threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a minimum confidence must be in 0..1, got " + threshold);
        }
        return new StereoResult(ConfidenceMask.apply(disparity, requireConfidence(), threshold), confidence, left);
    }

    /**
     * Depth {@code Z = f * B / d} of every pixel.
     *
     * @param camera the rectified left camera
     * @return {@code width * height} depths in metres, row-major; 0 where the disparity is invalid
     */
    public float[] depth(Camera camera) {
        return depthMap(camera).metres();
    }

    /**
     * Writes the disparity: {@code .pfm} as float32 pixels, {@code .png} in KITTI's 16-bit format
     * ({@code round(d * 256)}, 0 = invalid).
     *
     * @param target a .pfm or .png file
     * @throws WriteException when it cannot be written or the extension is neither
     */
    public void writeDisparity(Path target) {
        try {
            switch (extension(target, ".pfm", ".png")) {
                case ".png" -> KittiPng.write(target, disparity);
                default -> PfmFile.write(target, disparity);
            }
        } catch (OutputException e) {
            throw Errors.write(e);
        }
    }

    /**
     * Writes the confidence: {@code .pfm} as float32, {@code .png} as 16-bit grey of {@code round(c * 65535)}.
     *
     * @param target a .pfm or .png file
     * @throws WriteException        when it cannot be written or the extension is neither
     * @throws IllegalStateException when the confidence was not asked for
     */
    public void writeConfidence(Path target) {
        ConfidenceMap c = requireConfidence();
        extension(target, ".pfm", ".png");
        try {
            ConfidenceFiles.write(target, c);
        } catch (OutputException e) {
            throw Errors.write(e);
        }
    }

    /**
     * Writes the disparity colour-mapped as an 8-bit RGB PNG, from 0 to the 99th percentile of the valid
     * disparities; invalid pixels are black.
     *
     * @param target   a .png file
     * @param colormap the colours
     * @throws WriteException when it cannot be written
     */
    public void writeColor(Path target, Colormap colormap) {
        writeColor(target, ColorMap.autoRange(colormap.kind(), disparity));
    }

    /**
     * Writes the disparity colour-mapped over a fixed range (values outside are clamped).
     *
     * @param target   a .png file
     * @param colormap the colours
     * @param min      disparity at the start of the map
     * @param max      disparity at the end of the map, above min
     * @throws WriteException           when it cannot be written
     * @throws IllegalArgumentException when the range is empty or not finite
     */
    public void writeColor(Path target, Colormap colormap, float min, float max) {
        writeColor(target, new ColorMap(colormap.kind(), min, max));
    }

    private void writeColor(Path target, ColorMap map) {
        extension(target, ".png");
        try {
            map.writePng(target, disparity);
        } catch (OutputException e) {
            throw Errors.write(e);
        }
    }

    /**
     * Writes the depth: {@code .pfm} in metres (float32), {@code .png} as 16-bit millimetres (to 65.535 m);
     * 0 = invalid in both.
     *
     * @param target a .pfm or .png file
     * @param camera the rectified left camera
     * @throws WriteException when it cannot be written or the extension is neither
     */
    public void writeDepth(Path target, Camera camera) {
        String ext = extension(target, ".pfm", ".png");
        DepthMap depth = depthMap(camera);
        try {
            if (ext.equals(".pfm")) {
                depth.writePfm(target);
            } else {
                depth.writePngMillimetres(target);
            }
        } catch (OutputException e) {
            throw Errors.write(e);
        }
    }

    /**
     * Writes a binary PLY point cloud in the left camera's frame (metres; X right, Y down, Z forward),
     * coloured from the left image. Invalid pixels and points beyond {@code maxDepthM} are left out.
     *
     * @param target    a .ply file
     * @param camera    the rectified left camera
     * @param maxDepthM the farthest point kept, in metres (e.g. 100)
     * @return the number of points written
     * @throws WriteException  when it cannot be written
     * @throws InputException  when the left image's file can no longer be read for its colours
     */
    public int writePointCloud(Path target, Camera camera, double maxDepthM) {
        extension(target, ".ply");
        try {
            return PlyWriter.write(target, PointCloud.fromDisparity(disparity, left.colours(),
                    camera.intrinsics(width(), height()), maxDepthM));
        } catch (OutputException e) {
            throw Errors.write(e);
        }
    }

    private DepthMap depthMap(Camera camera) {
        return DepthMap.fromDisparity(disparity, camera.focalPx(), camera.baselineM());
    }

    private ConfidenceMap requireConfidence() {
        if (confidence == null) {
            throw new IllegalStateException("no confidence: it is computed only by estimateWithConfidence");
        }
        return confidence;
    }

    private static String extension(Path target, String... allowed) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        for (String a : allowed) {
            if (a.equals(ext)) {
                return ext;
            }
        }
        throw new WriteException(target + ": unsupported file type '" + ext + "' (use " + String.join(" or ", allowed) + ")", null);
    }
}
