package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs too large for the heap are refused up front with one line that says how much is needed and how to
 * give it; what still runs out of memory or stack is one line too. Runs `bgnet` in JVMs with a small -Xmx.
 */
class MemoryLimitsTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));

    @TempDir
    Path tmp;

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeItStarts() throws Exception {
        Path out = tmp.resolve("d.pfm");
        ChildCli r = ChildCli.run(List.of("-Xmx200m"), 120, "predict", "--weights", DATA.resolve("bgnet_plus_random.pth").toString(),
                "--left", DATA.resolve("large_left_resized.png").toString(),
                "--right", DATA.resolve("large_right_resized.png").toString(), "--output", out.toString());
        assertOneLine(r, "BGNet+ at 1280x384 needs about ");
        assertTrue(r.err().contains("JAVA_OPTS=-Xmx"), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anImageThatDeclaresHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        Path png = Files.write(tmp.resolve("huge.png"), pngHeaderOnly(20000, 20000));
        ChildCli r = ChildCli.run(List.of("-Xmx256m"), 60, "predict", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", png.toString(), "--right", png.toString(), "--output", tmp.resolve("d.pfm").toString());
        assertOneLine(r, "decoding " + png + " (20000x20000) needs about 6.0 GB");
        assertTrue(r.err().contains("JAVA_OPTS=-Xmx7g"), r.toString());
    }

    @Test
    void tooManyThreadsAreRefused() {
        CliRunner r = CliRunner.run("predict", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("small_left_src.png").toString(), "--right", DATA.resolve("small_right_src.png").toString(),
                "--output", tmp.resolve("d.pfm").toString(), "--threads", "100000");
        OutputSafetyTest.assertFailsWithOneLine(r, "--threads 100000 is too many: at most "
                + 4 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void memoryAndStackExhaustionThatStillEscapeAreOneLine() {
        for (Error e : new Error[] {new OutOfMemoryError("Java heap space"), new StackOverflowError()}) {
            CommandLine cli = BGNetCli.commandLine();
            Failing.error = e;
            cli.addSubcommand("fail", new Failing());
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            assertEquals(1, cli.execute("fail"));
            String text = err.toString().strip();
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith(e instanceof OutOfMemoryError ? "error: out of memory (Java heap space): "
                    + "give the JVM more heap with JAVA_OPTS=-Xmx" : "error: stack overflow"), text);
        }
    }

    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        static Error error;

        @Override
        public Integer call() {
            throw error;
        }
    }

    private static void assertOneLine(ChildCli r, String expected) {
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(1, r.errLines().length, r.toString());
        assertTrue(r.err().startsWith("error: " + expected), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
    }

    /** The signature and an IHDR chunk (8-bit grey) only: a few bytes that declare width x height. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 0, 0, 0, 0});
        out.writeInt(13);
        out.write(chunk.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(chunk.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
