package bgnet.app.live;

/**
 * Runs capture and inference on two threads joined by a one-frame slot, and releases the source
 * once the capture thread has really stopped (closing a grabber under a blocked grab can crash).
 */
final class LiveSession {

    private static final long JOIN_MILLIS = 3000;

    private LiveSession() {
    }

    static Outcome run(FrameSource source, boolean keepEveryFrame, LatestFrameSlot<StereoFrame> slot, InferenceLoop loop) {
        Thread capture = Thread.ofPlatform().daemon().name("bgnet-capture")
                .start(new CaptureLoop(source, slot, keepEveryFrame));
        Outcome outcome;
        try {
            outcome = loop.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.error("interrupted");
        }
        slot.close();
        capture.interrupt(); // wakes a paced sleep; a grab in native code finishes on its own
        try {
            capture.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (capture.isAlive()) {
            System.err.println("warning: " + source.description() + " did not return its last frame; leaving it to the OS");
        } else {
            source.close();
        }
        return outcome;
    }
}
