package bgnet.model;

import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample checkpoint with one byte of data.pkl changed, at 30 seeded places: each reads or fails with a
 * CheckpointException whose message is one line naming the file; nothing else escapes, nothing hangs.
 */
class FuzzedCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void oneChangedPickleByteIsLoadedOrRefusedInOneLine() throws Exception {
        Path original = Fixtures.file("bgnet_random.pth");
        Random random = new Random(12);
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            Path file = mutate(original, dir.resolve("fuzz" + i + ".pth"), random);
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    ParameterCheck.check(bgnet.model.checkpoint.StateDict.read(file));
                    return null;
                });
            } catch (Exception thrown) {
                if (!(thrown instanceof CheckpointException e)) {
                    throw new AssertionError("mutation " + i + " escaped as " + thrown, thrown);
                }
                refused++;
                assertTrue(e.getMessage().startsWith("checkpoint " + file + ": "), e.getMessage());
                assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), "one printable line: " + e.getMessage());
            }
        }
        assertTrue(refused > 0, "the fuzzing should break something");
    }

    private static Path mutate(Path source, Path target, Random random) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(java.util.zip.Deflater.NO_COMPRESSION);  // 12 MB of random floats: compressing only costs time
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                }
                if (entry.getName().endsWith("data.pkl")) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return target;
    }
}
