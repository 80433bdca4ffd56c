package bgnet.model.checkpoint;

import bgnet.model.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small checkpoint whose storage inflates to more than the heap holds: refused from the zip's sizes, one line. */
class CheckpointMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aStorageTooLargeForTheHeapIsRefusedBeforeInflating() throws Exception {
        Path bomb = HandMadeCheckpoint.oneTensor(dir.resolve("bomb.pth"), 40_000_000L, 160_000_000L);
        assertTrue(Files.size(bomb) < 1_000_000, "a small file that inflates to 160 MB");
        try (ChildJvm child = ChildJvm.start(ReadCheckpointMain.class, List.of("-Xmx200m"), bomb.toString())) {
            String output = child.rest();
            assertEquals(1, child.waitFor(60), output);
            assertEquals(1, output.strip().lines().count(), output);
            assertTrue(output.startsWith("checkpoint " + bomb + ": storage data/0 (40000000 float32 elements) needs about 305 MB"
                    + " of Java heap but only "), output);
            assertTrue(output.contains("JAVA_OPTS=-Xmx"), output);
        }
    }
}
