package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FIFO or a device as --video: one line saying what it is (not "not found"), no hang. */
class SpecialVideoFilesTest {

    @TempDir
    Path dir;

    private static void assertRefused(Path video) {
        LiveRunner run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> LiveRunner.run(o -> new BlockMatcher(8, 0), "--weights", "w", "--video", video.toString(), "--headless"));
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: video " + video + ": is not a regular file"), run.toString());
        assertTrue(!run.err().contains("\tat "), run.toString());
    }

    @Test
    void aFifo() throws Exception {
        Path pipe = dir.resolve("pipe.mp4");
        Process p = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        assertRefused(pipe);
    }

    @Test
    void devNull() {
        assertRefused(Path.of("/dev/null"));
    }
}
