package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A set of outputs interrupted half-way (Ctrl-C, SIGTERM) is rolled back: the old file is back, nothing hidden is left. */
class InterruptedOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aSignalBetweenTwoOutputsPutsBackTheOldFile() throws Exception {
        Path target = Files.writeString(dir.resolve("d.pfm"), "OLD\n");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), InterruptedOutputsMain.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("first written", out.readLine());
            assertTrue(Files.readString(target, StandardCharsets.ISO_8859_1).startsWith("Pf"), "new file in place while running");
            child.destroy();  // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not stop on SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        assertEquals("OLD\n", Files.readString(target));
        assertEquals(List.of("d.pfm"), OutputSafetyTest.listing(dir));
    }
}
