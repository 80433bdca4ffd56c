package bgnet.app.live;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where `live` reads stereo frames from: one of four kinds of JavaCV source. */
public final class SourceOptions {

    @Option(names = "--camera", paramLabel = "N",
            description = "Camera number (/dev/videoN on Linux). Alone: a side-by-side stereo camera (each image holds left|right).")
    Integer camera;

    @Option(names = "--camera-right", paramLabel = "M",
            description = "With --camera N: camera N is the left eye and camera M the right one.")
    Integer cameraRight;

    @Option(names = "--capture-size", paramLabel = "WxH",
            description = "Image size to ask the camera for (a side-by-side camera often needs e.g. 2560x720 to send both eyes).")
    String captureSize;

    @Option(names = "--video", paramLabel = "FILE", description = "A side-by-side stereo video (left|right in each frame).")
    Path video;

    @Option(names = "--left-video", paramLabel = "A", description = "Left-eye video (with --right-video).")
    Path leftVideo;

    @Option(names = "--right-video", paramLabel = "B", description = "Right-eye video (with --left-video).")
    Path rightVideo;

    @Option(names = "--every-frame",
            description = "Videos: process every frame, as fast as inference allows, dropping none (the default with "
                    + "--record; otherwise a video plays at its own frame rate like a camera, dropping frames inference "
                    + "cannot keep up with).")
    boolean everyFrame;

    @Option(names = "--realtime",
            description = "Videos with --record: play at the video's frame rate like a camera anyway, dropping (and not "
                    + "recording) frames inference cannot keep up with.")
    boolean realtime;

    /** Why these options do not name exactly one source, or empty when they do. */
    Optional<String> problem() {
        int kinds = (camera != null ? 1 : 0) + (video != null ? 1 : 0) + (leftVideo != null || rightVideo != null ? 1 : 0);
        if (kinds != 1) {
            return Optional.of(kinds == 0
                    ? "no source: give --camera N, --camera N --camera-right M, --video FILE, or --left-video A --right-video B"
                    : "give only one source: --camera, --video, or --left-video/--right-video");
        }
        if ((leftVideo == null) != (rightVideo == null)) {
            return Optional.of(leftVideo == null ? "--right-video needs --left-video" : "--left-video needs --right-video");
        }
        if (cameraRight != null && camera == null) {
            return Optional.of("--camera-right needs --camera");
        }
        if (captureSize != null && camera == null) {
            return Optional.of("--capture-size applies to cameras only");
        }
        if (captureSize != null && parseSize(captureSize) == null) {
            return Optional.of("--capture-size must look like 2560x720, got '" + captureSize + "'");
        }
        if (everyFrame && camera != null) {
            return Optional.of("--every-frame applies to videos only (a camera does not wait)");
        }
        if (realtime && camera != null) {
            return Optional.of("--realtime applies to videos only (a camera always is)");
        }
        if (realtime && everyFrame) {
            return Optional.of("give --every-frame or --realtime, not both");
        }
        if ((camera != null && camera < 0) || (cameraRight != null && cameraRight < 0)) {
            return Optional.of("camera numbers start at 0");
        }
        return Optional.empty();
    }

    /** Opens the raw pair source these options name (call only when {@link #problem()} is empty). */
    PairGrabber openGrabber() throws SourceException {
        if (camera != null) {
            int[] size = captureSize == null ? null : parseSize(captureSize);
            OpenedGrabber left = OpenedGrabber.camera(camera, size);
            if (cameraRight == null) {
                return new SideBySideGrabber(left);
            }
            try {
                return new DualGrabber(left, OpenedGrabber.camera(cameraRight, size));
            } catch (SourceException e) {
                left.close();
                throw e;
            }
        }
        if (video != null) {
            return new SideBySideGrabber(OpenedGrabber.video(video));
        }
        OpenedGrabber left = OpenedGrabber.video(leftVideo);
        try {
            return new DualGrabber(left, OpenedGrabber.video(rightVideo));
        } catch (SourceException e) {
            left.close();
            throw e;
        }
    }

    /** Whether a video should be played on its own clock (see --every-frame and --realtime). */
    boolean paced(boolean recording) {
        return camera == null && !keepsEveryFrame(recording);
    }

    /**
     * Whether frames are handed over without dropping (capture waits for inference): asked for with
     * --every-frame, and the default when a video file is recorded, since a recording of a file
     * should hold all of it. A camera cannot wait.
     */
    boolean keepsEveryFrame(boolean recording) {
        return camera == null && (everyFrame || (recording && !realtime));
    }

    private static int[] parseSize(String s) {
        String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(parts[0].strip()), h = Integer.parseInt(parts[1].strip());
            return parts.length == 2 && w > 0 && h > 0 ? new int[] {w, h} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
