package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from a hostile file reaches the user as one visible line, and the launcher's filter never swallows it. */
class UntrustedTextTest {
    static final Path ROOT = Path.of(System.getProperty("bgnet.testdata")).toAbsolutePath().getParent().getParent();

    @TempDir
    Path tmp;

    @Test
    void aNulAndAnEscapeSequenceInAByteorderAreShownEscaped() throws IOException {
        Path bad = tmp.resolve("nul.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bad))) {
            zip.putNextEntry(new ZipEntry("x/data.pkl"));
            zip.write(new byte[] {(byte) 0x80, 2, '}', '.'});
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("x/byteorder"));
            zip.write("lit\0tle\u001b[2J\rX".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        CliRunner r = CliRunner.run("info", bad.toString());
        OutputSafetyTest.assertFailsWithOneLine(r, "unknown byteorder 'lit\\x00tle\\x1b[2J\\x0dX' (expected 'little' or 'big')");
        assertTrue(r.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control characters: " + r.err());
    }

    @Test
    void theLaunchersStderrFilterKeepsLinesWithANul() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", ". \"$1\"; filter_jvm_notice", "filter",
                ROOT.resolve("scripts/lib/env.sh").toString()).start();
        p.getOutputStream().write(("WARNING: Using incubator modules: jdk.incubator.vector\n"
                + "error: unknown byteorder 'a\0b'\n").getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals("error: unknown byteorder 'a\0b'\n", out);
    }
}
