package bgnet.app.live;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Where each visualised frame goes: the window, the recording. */
interface FrameSink extends AutoCloseable {

    /** One view; capturedNanos is when its frame was grabbed (System.nanoTime), for real-time playback. */
    void accept(BufferedImage view, long capturedNanos) throws IOException;

    @Override
    void close();
}
