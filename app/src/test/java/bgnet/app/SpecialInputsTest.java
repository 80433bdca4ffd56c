package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static bgnet.app.OutputSafetyTest.assertFailsWithOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FIFO, a device or a folder given as an input file: one line, quickly, never a hang. */
class SpecialInputsTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final String LEFT = DATA.resolve("small_left_src.png").toString();
    static final String RIGHT = DATA.resolve("small_right_src.png").toString();
    static final String NOT_REGULAR = "is not a regular file";

    @TempDir
    Path tmp;

    static Path fifo(Path at) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return at;
    }

    private CliRunner predict(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("predict", "--output",
                tmp.resolve("out.pfm").toString()), java.util.stream.Stream.of(args)).toArray(String[]::new);
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRunner.run(all));
        assertTrue(Files.notExists(tmp.resolve("out.pfm")), "no output");
        return r;
    }

    @Test
    void aFifoAsEitherImageIsRefusedWithoutHanging() throws Exception {
        Path pipe = fifo(tmp.resolve("pipe.png"));
        assertFailsWithOneLine(predict("--weights", WEIGHTS, "--left", pipe.toString(), "--right", RIGHT),
                pipe + ": " + NOT_REGULAR);
        assertFailsWithOneLine(predict("--weights", WEIGHTS, "--left", LEFT, "--right", pipe.toString()),
                pipe + ": " + NOT_REGULAR);
    }

    @Test
    void aFifoOrDeviceAsTheCheckpointIsNamedAsSuch() throws Exception {
        Path pipe = fifo(tmp.resolve("pipe.pth"));
        assertFailsWithOneLine(predict("--weights", pipe.toString(), "--left", LEFT, "--right", RIGHT),
                "checkpoint " + pipe + ": " + NOT_REGULAR);
        assertFailsWithOneLine(predict("--weights", "/dev/null", "--left", LEFT, "--right", RIGHT),
                "checkpoint /dev/null: " + NOT_REGULAR);
        assertFailsWithOneLine(predict("--weights", tmp.toString(), "--left", LEFT, "--right", RIGHT),
                "checkpoint " + tmp + ": is a directory");
    }

    @Test
    void aFifoAsTheCalibrationIsRefused() throws Exception {
        Path pipe = fifo(tmp.resolve("stereo.yaml"));
        CliRunner r = predict("--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--depth", tmp.resolve("z.pfm").toString(), "--calib", pipe.toString());
        assertFailsWithOneLine(r, pipe.toString());
        assertTrue(Files.notExists(tmp.resolve("z.pfm")));
    }
}
