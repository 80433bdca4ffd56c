package bgnet.app;

import bgnet.model.io.PfmFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `predict` never destroys a file: not an input, not a file it overwrites when a later output fails. */
class OutputSafetyTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final Path LEFT = DATA.resolve("small_left_src.png");
    static final String RIGHT = DATA.resolve("small_right_src.png").toString();

    @TempDir
    Path tmp;

    @Test
    void anOutputOnTheLeftInputIsRefusedAndTheInputKept() throws IOException {
        Path left = Files.copy(LEFT, tmp.resolve("L.png"));
        byte[] before = Files.readAllBytes(left);
        CliRunner r = predict("--left", left.toString(), "--right", RIGHT, "--output", left.toString());
        assertFailsWithOneLine(r, "--output " + left + " is the input --left");
        assertArrayEquals(before, Files.readAllBytes(left));
        assertEquals(List.of("L.png"), listing(tmp));
    }

    @Test
    void anInputReachedThroughDotDotOrASymlinkIsRefused() throws IOException {
        Path left = Files.copy(LEFT, tmp.resolve("L.png"));
        byte[] before = Files.readAllBytes(left);
        Files.createDirectory(tmp.resolve("sub"));
        Files.createSymbolicLink(tmp.resolve("link"), tmp);
        Path right = Files.copy(Path.of(RIGHT), tmp.resolve("R.png"));

        String viaDotDot = tmp.resolve("sub/../L.png").toString();
        assertFailsWithOneLine(predict("--left", left.toString(), "--right", right.toString(),
                "--output", tmp.resolve("d.png").toString(), "--color", viaDotDot), "--color " + viaDotDot + " is the input --left");
        String viaLink = tmp.resolve("link/R.png").toString();
        assertFailsWithOneLine(predict("--left", left.toString(), "--right", right.toString(),
                "--output", tmp.resolve("d.pfm").toString(), "--depth", viaLink, "--focal", "100", "--baseline", "0.1"),
                "--depth " + viaLink + " is the input --right");
        Files.createSymbolicLink(tmp.resolve("alias.png"), left);
        assertFailsWithOneLine(predict("--left", left.toString(), "--right", right.toString(),
                "--output", tmp.resolve("alias.png").toString()), "is the input --left");

        assertArrayEquals(before, Files.readAllBytes(left));
        assertEquals(List.of("L.png", "R.png", "alias.png", "link", "sub"), listing(tmp));
    }

    @Test
    void theCheckpointIsAnInputToo() throws IOException {
        Path weights = Files.copy(Path.of(WEIGHTS), tmp.resolve("w.png"));
        assertFailsWithOneLine(predict("--weights", weights.toString(), "--left", LEFT.toString(), "--right", RIGHT,
                "--output", weights.toString()), "is the input --weights");
        assertEquals(Files.size(Path.of(WEIGHTS)), Files.size(weights));
    }

    @Test
    void twoOutputsOnOnePathAreRefused() throws IOException {
        String x = tmp.resolve("x.png").toString();
        assertFailsWithOneLine(predict("--left", LEFT.toString(), "--right", RIGHT, "--output", x, "--color", x),
                "--color " + x + " and --output " + x + " are the same file");
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void aFailedLaterOutputPutsBackTheFileThatWasThere() throws IOException {
        Path out = Files.writeString(tmp.resolve("out.pfm"), "OLD\n");
        Path unwritable = Path.of("/proc/bgnet-test-colour.png");  // a folder nobody, not even root, can write in
        CliRunner r = predict("--left", LEFT.toString(), "--right", RIGHT, "--output", out.toString(),
                "--color", unwritable.toString());
        assertFailsWithOneLine(r, unwritable.toString());
        assertEquals("OLD\n", Files.readString(out));
        assertEquals(List.of("out.pfm"), listing(tmp), "no kept copy left behind");
        assertFalse(Files.exists(unwritable));
    }

    @Test
    void aSuccessfulRunReplacesTheOldFileAndKeepsNoCopy() throws IOException {
        Path out = Files.writeString(tmp.resolve("out.pfm"), "OLD\n");
        CliRunner r = predict("--left", LEFT.toString(), "--right", RIGHT, "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(256, PfmFile.read(out).width());
        assertEquals(List.of("out.pfm"), listing(tmp));
    }

    private static CliRunner predict(String... args) {
        boolean hasWeights = List.of(args).contains("--weights");
        String[] all = hasWeights ? args : Stream.concat(Stream.of("--weights", WEIGHTS), Stream.of(args)).toArray(String[]::new);
        String[] withCommand = Stream.concat(Stream.of("predict", "--threads", "2"), Stream.of(all)).toArray(String[]::new);
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRunner.run(withCommand));
    }

    static void assertFailsWithOneLine(CliRunner r, String expected) {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, "one line: " + r.err());
        assertTrue(r.err().contains(expected), "'" + expected + "' not in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
