package bgnet.app.live;

import java.util.Optional;

/**
 * Plays a file at its own frame rate, so that a recorded video stands in for a camera: frames
 * arrive on a clock whether or not inference keeps up (and stale ones get dropped downstream).
 */
final class PacedSource implements FrameSource {

    private final FrameSource inner;
    private final long periodNanos;
    private long startNanos = -1;
    private long delivered;

    PacedSource(FrameSource inner, double fps) {
        this.inner = inner;
        this.periodNanos = Math.round(1e9 / fps);
    }

    @Override
    public Optional<StereoFrame> next() throws SourceException {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + delivered * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        delivered++;
        return inner.next();
    }

    @Override
    public double frameRate() {
        return inner.frameRate();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public void close() {
        inner.close();
    }
}
