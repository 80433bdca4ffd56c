package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet compare` in the default build: the JVM row, the note on TornadoVM, the JSON, and bad inputs. */
class CompareCommandTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final String LEFT = DATA.resolve("small_left_src.png").toString();
    static final String RIGHT = DATA.resolve("small_right_src.png").toString();

    @TempDir
    Path tmp;

    @Test
    void timesTheJvmAndWritesJson() throws IOException {
        Path json = tmp.resolve("c.json");
        CapturedRun r = CapturedRun.of("compare", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--runs", "1", "--warmup", "0", "--threads", "2", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertTrue(lines[0].startsWith("DEVICE  FIRST RUN  MEDIAN"), lines[0]);
        assertTrue(lines[1].matches("jvm +[0-9.]+ m?s +[0-9.]+ m?s +[0-9.]+ m?s +[0-9.]+ +0 \\(reference\\) +jvm \\(2 threads\\)"),
                lines[1]);
        assertTrue(lines[2].startsWith("tornado: TornadoVM backend not available"), lines[2]);
        String j = Files.readString(json);
        assertTrue(j.contains("\"architecture\": \"BGNet\""), j);
        assertTrue(j.contains("\"width\": 256,\n  \"height\": 128,"), j);
        assertTrue(j.matches("(?s).*\\{\"device\": \"jvm\", \"description\": \"jvm \\(2 threads\\)\", \"first_run_ms\": [0-9.]+, "
                + "\"median_ms\": [0-9.]+, \"min_ms\": [0-9.]+, \"fps\": [0-9.]+, \"max_abs_diff_px\": 0, "
                + "\"kernel_ms\": null, \"copy_ms\": null, \"stages_ms\": \\{}, \"error\": null}\\n  ]\\n}\\n"), j);
    }

    @Test
    void badCountsAreOneLine() {
        CapturedRun r = CapturedRun.of("compare", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT, "--runs", "0");
        assertEquals(1, r.exitCode());
        assertEquals("error: --runs must be at least 1 and --warmup at least 0 (got 0, 1)", r.err().strip());
    }

    @Test
    void mismatchedPairIsOneLine() {
        String other = DATA.resolve("large_left_resized.png").toString();
        CapturedRun r = CapturedRun.of("compare", "--weights", WEIGHTS, "--left", LEFT, "--right", other);
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("is 256x128 but right image") && r.err().contains("is 1280x384"), r.err());
    }

    @Test
    void missingImageIsOneLine() {
        CapturedRun r = CapturedRun.of("compare", "--weights", WEIGHTS, "--left", tmp.resolve("none.png").toString(),
                "--right", RIGHT);
        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("none.png"), r.err());
    }
}
