package bgnet.app.live;

import java.util.Optional;

/** The capture thread's work: read frames as fast as the source gives them and hand them over. */
final class CaptureLoop implements Runnable {

    private final FrameSource source;
    private final LatestFrameSlot<StereoFrame> slot;
    private final boolean keepEveryFrame;

    CaptureLoop(FrameSource source, LatestFrameSlot<StereoFrame> slot, boolean keepEveryFrame) {
        this.source = source;
        this.slot = slot;
        this.keepEveryFrame = keepEveryFrame;
    }

    @Override
    public void run() {
        long count = 0;
        try {
            while (!slot.isClosed() && !Thread.currentThread().isInterrupted()) {
                Optional<StereoFrame> frame = source.next();
                if (frame.isEmpty()) {
                    slot.finish(Outcome.ok("end of " + source.description() + " after " + count + " frames"));
                    return;
                }
                count++;
                if (keepEveryFrame) {
                    if (!slot.putWaiting(frame.get())) {
                        return;
                    }
                } else {
                    slot.offer(frame.get());
                }
            }
        } catch (SourceException e) {
            slot.finish(Outcome.error(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug or a native error: report it as a failure instead of leaving inference waiting.
            slot.finish(Outcome.error("capture from " + source.description() + " failed: " + e));
        }
        slot.finish(Outcome.ok("capture stopped"));
    }
}
