package bgnet.app.live;

import bgnet.app.OutputFiles;
import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.PointCloud;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves what is on screen: the view as PNG, the disparity as PFM, and with a known camera the depth
 * (PFM, metres) and a coloured point cloud (PLY) — written through the same {@link OutputFiles} as `predict`.
 */
final class SnapshotWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;

    SnapshotWriter(Path folder) {
        this.folder = folder;
    }

    /** Writes the files and returns a one-line note of what was saved (or why not). */
    String save(StereoFrame frame, DisparityMap disparity, BufferedImage view) {
        String base = "bgnet-live-" + STAMP.format(LocalDateTime.now()) + "-" + frame.index();
        List<String> written = new ArrayList<>();
        OutputFiles out = new OutputFiles();
        try {
            Files.createDirectories(folder);
            Path png = folder.resolve(base + "-view.png");
            if (!ImageIO.write(view, "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
            written.add(png.getFileName().toString());
            Path pfm = folder.resolve(base + "-disparity.pfm");
            out.disparity(pfm, disparity);
            written.add(pfm.getFileName().toString());
            if (frame.camera().isPresent()) {
                CameraIntrinsics c = frame.camera().get();
                Path depth = folder.resolve(base + "-depth.pfm");
                out.depth(depth, DepthMap.fromDisparity(disparity, c.focalPx(), c.baselineM()));
                written.add(depth.getFileName().toString());
                Path ply = folder.resolve(base + ".ply");
                int points = out.pointCloud(ply, disparity, frame.leftRgb(), c, PointCloud.DEFAULT_MAX_DEPTH_M);
                written.add(ply.getFileName().toString() + " (" + points + " points)");
            }
            out.commit();
            String noDepth = frame.camera().isEmpty() ? " (no depth or PLY without --calib, or --focal and --baseline)" : "";
            return "snapshot: " + String.join(", ", written) + " in " + folder + noDepth;
        } catch (IOException e) {
            out.rollback();
            return "snapshot failed: " + OpenedGrabber.oneLine(e);
        }
    }
}
