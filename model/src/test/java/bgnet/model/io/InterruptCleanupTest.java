package bgnet.model.io;

import bgnet.model.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ctrl-C or SIGTERM in the middle of a write leaves no hidden temporary file and the old file as it was. */
class InterruptCleanupTest {

    @TempDir
    Path dir;

    @Test
    void aSignalDuringAWriteRemovesTheTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("out.pfm"), "OLD\n");
        try (ChildJvm child = ChildJvm.start(SlowWriteMain.class, List.of(), target.toString())) {
            child.awaitLine("writing");
            assertEquals(2, TestData.listing(dir).size(), "the temporary file exists while writing");
            child.terminate(30);
        }
        assertEquals(List.of("out.pfm"), TestData.listing(dir));
        assertEquals("OLD\n", Files.readString(target));
    }
}
