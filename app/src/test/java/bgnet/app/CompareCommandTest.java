package bgnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("architecture", "weights", "left", "right", "width", "height", "network_width",
                "network_height", "warmup", "runs", "results"), CompareReportTest.names(doc));
        assertEquals("BGNet", doc.get("architecture").asText());
        assertEquals(256, doc.get("width").asInt());
        assertEquals(128, doc.get("height").asInt());
        assertEquals(1, doc.get("runs").asInt());
        assertEquals(0, doc.get("warmup").asInt());
        assertEquals(1, doc.get("results").size(), "one row: the JVM (TornadoVM is not on the class path)");
        JsonNode jvm = doc.get("results").get(0);
        assertEquals(CompareReportTest.ROW_KEYS, CompareReportTest.names(jvm));
        assertEquals("jvm", jvm.get("device").asText());
        assertEquals("jvm (2 threads)", jvm.get("description").asText());
        double setup = jvm.get("setup_ms").asDouble();
        double first = jvm.get("first_run_ms").asDouble();
        double median = jvm.get("median_ms").asDouble();
        assertTrue(setup > 0 && first > setup, "the first run includes the setup: " + jvm);
        assertEquals(median, jvm.get("min_ms").asDouble(), "one timed frame: median = min");
        assertEquals(1000 / median, jvm.get("fps").asDouble(), 1e-9);
        assertEquals(0, jvm.get("max_abs_diff_px").asDouble());
        for (String key : List.of("kernel_ms", "copy_ms", "error")) {
            assertTrue(jvm.get(key).isNull(), key + " is null on the JVM without --profile: " + jvm);
        }
        assertTrue(jvm.get("stages_ms").isEmpty(), jvm.toString());
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
