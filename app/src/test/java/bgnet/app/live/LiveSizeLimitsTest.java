package bgnet.app.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A --width/--height the heap cannot hold is refused up front, before any source is opened or frame allocated. */
class LiveSizeLimitsTest {

    @Test
    void aHugeWidthIsRefusedBeforeOpeningTheSource() {
        LiveRunner run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> LiveRunner.run(o -> new BlockMatcher(8, 0),
                "--weights", "w", "--video", "does-not-matter.mp4", "--headless", "--width", "65536", "--height", "384"));
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: --width 65536 --height 384: the network needs at least "), run.toString());
        assertTrue(run.err().contains("JAVA_OPTS=-Xmx"), run.toString());
    }
}
