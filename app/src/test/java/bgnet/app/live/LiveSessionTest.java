package bgnet.app.live;

import bgnet.model.io.ColorMapKind;
import bgnet.model.io.GrayImage;
import bgnet.model.io.RgbImage;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two threads and their hand-over, with sources that end, fail, or go silent. */
class LiveSessionTest {

    /** Gives `good` frames, then fails (or blocks forever when failWith is null). */
    private static final class ScriptedSource implements FrameSource {
        private final int good;
        private final String failWith;
        private int given;
        volatile boolean closed;

        ScriptedSource(int good, String failWith) {
            this.good = good;
            this.failWith = failWith;
        }

        @Override
        public Optional<StereoFrame> next() throws SourceException {
            if (given < good) {
                GrayImage g = new GrayImage(64, 64, new float[64 * 64]);
                return Optional.of(new StereoFrame(given++, g, g, new RgbImage(64, 64, new int[64 * 64]), Optional.empty(), System.nanoTime()));
            }
            if (failWith != null) {
                throw new SourceException(failWith);
            }
            try {
                Thread.sleep(Long.MAX_VALUE); // a camera that went silent; only an interrupt gets it back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public double frameRate() {
            return 0;
        }

        @Override
        public String description() {
            return "scripted camera";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Outcome run(ScriptedSource source, BlockMatcher matcher, long stallMillis) {
        LatestFrameSlot<StereoFrame> slot = new LatestFrameSlot<>();
        InferenceLoop loop = new InferenceLoop(slot, matcher, new FrameRenderer("test"), List.of(), new ViewControls(ColorMapKind.TURBO),
                new SnapshotWriter(Path.of(".")), new RunStats(), 0, stallMillis * 1_000_000L, source.description(),
                new PrintWriter(new StringWriter()));
        return LiveSession.run(source, true, slot, loop);
    }

    @Test
    void aSourceThatFailsMidStreamEndsTheRunWithItsMessageAndIsReleased() {
        ScriptedSource source = new ScriptedSource(3, "camera 0 stopped delivering frames (disconnected?)");
        BlockMatcher matcher = new BlockMatcher(2, 0);
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(source, matcher, 10_000));
        assertEquals(Outcome.error("camera 0 stopped delivering frames (disconnected?)"), outcome);
        assertEquals(3, matcher.medians.size(), "the frames before the failure were processed");
        assertTrue(source.closed);
    }

    @Test
    void aSourceThatGoesSilentIsGivenUpOnWithoutHanging() {
        ScriptedSource source = new ScriptedSource(2, null);
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(source, new BlockMatcher(2, 0), 300));
        assertTrue(outcome.failed());
        assertTrue(outcome.message().startsWith("no frame from scripted camera for "), outcome.message());
        assertTrue(source.closed, "the capture thread let go, so the source was closed");
    }
}
