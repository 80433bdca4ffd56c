package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --record on the input video would overwrite it while it is read: refused up front. */
class LiveRecordClashTest {

    @TempDir
    Path dir;

    @Test
    void recordingOverTheInputVideoIsRefused() throws Exception {
        Path video = Files.write(dir.resolve("in.mp4"), new byte[] {1, 2, 3});
        LiveRunner run = LiveRunner.run(o -> new BlockMatcher(8, 0), "--weights", "w", "--video", video.toString(),
                "--headless", "--record", dir.resolve("sub/../in.mp4").toString().replace("sub/../", "./"));
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: --record ") && run.err().contains("is the input --video"), run.toString());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(video));
    }
}
