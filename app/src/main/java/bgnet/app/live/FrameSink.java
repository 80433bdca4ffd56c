package bgnet.app.live;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Where each visualised frame goes: the window, the recording. */
interface FrameSink extends AutoCloseable {

    void accept(BufferedImage view) throws IOException;

    @Override
    void close();
}
