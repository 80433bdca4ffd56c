package bgnet.app.live;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One started JavaCV grabber (a camera through OpenCV's VideoCapture, or a video file through FFmpeg)
 * that turns "no frame" into end-of-file or a device failure, as its kind implies.
 */
final class OpenedGrabber implements AutoCloseable {

    private final FrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final String name;
    private final boolean live;

    private OpenedGrabber(FrameGrabber grabber, String name, boolean live) {
        this.grabber = grabber;
        this.name = name;
        this.live = live;
    }

    /** Camera number index (OpenCV's numbering: /dev/videoN on Linux), optionally asking for a capture size. */
    static OpenedGrabber camera(int index, int[] captureSize) throws SourceException {
        FrameGrabber g = new OpenCVFrameGrabber(index);
        if (captureSize != null) {
            g.setImageWidth(captureSize[0]);
            g.setImageHeight(captureSize[1]);
        }
        return start(g, "camera " + index, true);
    }

    static OpenedGrabber video(Path file) throws SourceException {
        if (!Files.exists(file)) {
            throw new SourceException("video not found: " + file);
        }
        java.util.Optional<String> problem = bgnet.model.io.InputFiles.problem(file, "a video");
        if (problem.isPresent()) {
            throw new SourceException("video " + file + ": " + problem.get());
        }
        return start(new FFmpegFrameGrabber(file.toFile()), "video " + file, false);
    }

    private static OpenedGrabber start(FrameGrabber g, String name, boolean live) throws SourceException {
        try {
            g.start();
            return new OpenedGrabber(g, name, live);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new SourceException("cannot open " + name + ": " + oneLine(e));
        }
    }

    /** The next image as a BGR Mat valid until the next call, or null at the end of a file. */
    Mat grab() throws SourceException {
        Frame frame;
        try {
            do {
                frame = grabber.grab(); // files may interleave audio frames: skip them
            } while (frame != null && frame.image == null);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException(name + " failed: " + oneLine(e));
        }
        if (frame == null) {
            if (live) {
                throw new SourceException(name + " stopped delivering frames (disconnected?)");
            }
            return null;
        }
        return converter.convert(frame);
    }

    double frameRate() {
        double fps = grabber.getFrameRate();
        return Double.isFinite(fps) && fps > 0 && fps < 1000 ? fps : 0;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
        converter.close();
    }

    private static void closeQuietly(FrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Closing is best effort: the device may already be gone.
        }
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return m.lines().findFirst().orElse(m);
    }
}
