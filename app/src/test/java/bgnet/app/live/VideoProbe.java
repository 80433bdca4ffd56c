package bgnet.app.live;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.nio.file.Path;

/** Decodes a whole video and reports what is really in it. */
record VideoProbe(int frames, int width, int height) {

    static VideoProbe of(Path file) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            int n = 0, w = 0, h = 0;
            for (Frame f = g.grabImage(); f != null; f = g.grabImage()) {
                n++;
                w = f.imageWidth;
                h = f.imageHeight;
            }
            g.stop();
            return new VideoProbe(n, w, h);
        }
    }
}
