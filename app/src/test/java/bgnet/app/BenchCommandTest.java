package bgnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet bench`: its JSON carries the figures scripts read, consistent with each other. */
class BenchCommandTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));

    @TempDir
    Path tmp;

    @Test
    void writesTheFiguresAsJson() throws IOException {
        Path json = tmp.resolve("bench.json");
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("small_left_src.png").toString(),
                "--right", DATA.resolve("small_right_src.png").toString(),
                "--runs", "3", "--warmup", "0", "--threads", "2", "--per-layer", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("model", "backend", "width", "height", "threads", "warmup", "runs", "median_ms", "min_ms",
                "max_ms", "pass_ms", "gmac", "gflops", "peak_rss_mb", "stages", "setup_ms", "first_run_ms", "ops", "op_kinds"),
                CompareReportTest.names(doc), "the keys scripts and the README rely on (ops, op_kinds: --per-layer)");
        assertEquals("BGNet", doc.get("model").asText());
        assertEquals("jvm (2 threads)", doc.get("backend").asText());
        assertEquals(256, doc.get("width").asInt());
        assertEquals(128, doc.get("height").asInt());
        assertEquals(2, doc.get("threads").asInt());
        assertEquals(0, doc.get("warmup").asInt());
        assertEquals(3, doc.get("runs").asInt());
        double[] passes = new double[3];
        assertEquals(3, doc.get("pass_ms").size());
        for (int i = 0; i < 3; i++) {
            passes[i] = doc.get("pass_ms").get(i).asDouble();
            assertTrue(passes[i] > 0, doc.toString());
        }
        double[] sorted = passes.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[0], doc.get("min_ms").asDouble(), "min of pass_ms");
        assertEquals(sorted[1], doc.get("median_ms").asDouble(), "median of pass_ms");
        assertEquals(sorted[2], doc.get("max_ms").asDouble(), "max of pass_ms");
        double median = sorted[1];
        assertEquals(2.914680832, doc.get("gmac").asDouble(), 1e-3);
        assertEquals(2 * 2.914680832 / (median / 1e3), doc.get("gflops").asDouble(), 1e-6 * doc.get("gflops").asDouble());
        assertTrue(doc.get("peak_rss_mb").asDouble() > 0, doc.toString());
        double setup = doc.get("setup_ms").asDouble();
        double first = doc.get("first_run_ms").asDouble();
        assertTrue(setup > 0 && first >= setup + passes[0], "no warm-up: the first run is setup + the first timed pass: " + doc);
        JsonNode stages = doc.get("stages");
        assertEquals(List.of("features", "guide", "cost_volume", "dres0", "hourglass", "slice_regress", "upsample"),
                CompareReportTest.names(stages), "BGNet's stages in execution order (no refinement)");
        for (JsonNode stage : stages) {
            assertTrue(stage.asDouble() > 0 && stage.asDouble() < sorted[2], "a stage is part of a pass: " + doc);
        }
        // --per-layer: every op of BGNet's plan once, in program order; the kinds' op counts add up.
        JsonNode ops = doc.get("ops");
        assertEquals("left.feature_extraction.firstconv.0.0", ops.get(0).get("name").asText());
        assertEquals("conv2d s2", ops.get(0).get("kind").asText());
        assertEquals("upsample", ops.get(ops.size() - 1).get("name").asText());
        int counted = 0;
        for (JsonNode k : doc.get("op_kinds")) {
            counted += k.get("ops").asInt();
        }
        assertEquals(ops.size(), counted);
        assertTrue(doc.get("op_kinds").get(0).get("gflops").asDouble() > 0, doc.toString());
    }

    @Test
    void withoutPerLayerThereAreNoOpFigures() throws IOException {
        Path json = tmp.resolve("plain.json");
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("small_left_src.png").toString(),
                "--right", DATA.resolve("small_right_src.png").toString(),
                "--runs", "1", "--warmup", "0", "--threads", "2", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertTrue(!doc.has("ops") && !doc.has("op_kinds") && doc.has("stages"), doc.toString());
    }

    @Test
    void rejectsAPairOfTwoSizesInOneLine() {
        String left = DATA.resolve("small_left_src.png").toString();
        String right = DATA.resolve("large_right_resized.png").toString();
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", left, "--right", right);
        assertEquals(1, r.exitCode());
        assertEquals("error: left image " + left + " is 256x128 but right image " + right
                + " is 1280x384; a rectified pair has one size", r.err().strip());
    }

    @Test
    void rejectsZeroRuns() {
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("small_left_src.png").toString(),
                "--right", DATA.resolve("small_right_src.png").toString(), "--runs", "0");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("--runs"), r.err());
    }

    @Test
    void aJsonFileInAMissingFolderIsRefusedBeforeTheBenchmark() {
        Path json = tmp.resolve("missing").resolve("bench.json");
        long t0 = System.nanoTime();
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("large_left_resized.png").toString(),
                "--right", DATA.resolve("large_right_resized.png").toString(), "--runs", "50", "--json", json.toString());
        assertEquals(1, r.exitCode());
        assertEquals("error: " + json + ": cannot write, folder " + json.getParent() + " does not exist", r.err().strip());
        // 50 passes at 1280x384 take far longer than the few seconds of a refusal up front.
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused only after running");
        assertTrue(!java.nio.file.Files.exists(json.getParent()));
    }
}
