package bgnet.app.live;

import java.util.Optional;

/**
 * Where stereo frames come from: a side-by-side camera, two cameras, a side-by-side video, two videos
 * (or, in tests, anything else). Called from one capture thread only.
 */
public interface FrameSource extends AutoCloseable {

    /** The next pair, or empty at the end of the stream (a video that ended). Blocks until a frame arrives. */
    Optional<StereoFrame> next() throws SourceException;

    /** Frames per second the source delivers on its own (0 when unknown). */
    double frameRate();

    /** What this is, for messages, e.g. "video left.mp4 + right.mp4". */
    String description();

    @Override
    void close();
}
