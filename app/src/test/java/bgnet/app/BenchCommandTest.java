package bgnet.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        String text = Files.readString(json);
        double median = number(text, "median_ms");
        double min = number(text, "min_ms");
        double max = number(text, "max_ms");
        assertTrue(min > 0 && min <= median && median <= max, text);
        assertEquals(2.914680832, number(text, "gmac"), 1e-3);
        assertEquals(2 * 2.914680832 / (median / 1e3), number(text, "gflops"), 0.01 * number(text, "gflops") + 1e-3);
        assertTrue(number(text, "peak_rss_mb") > 0, text);
        assertEquals(3, (int) number(text, "runs"));
        for (String stage : new String[] {"features", "guide", "cost_volume", "dres0", "hourglass", "slice_regress",
                "upsample"}) {
            assertTrue(number(text, stage) >= 0, stage + " missing in " + text);
        }
    }

    @Test
    void rejectsZeroRuns() {
        CliRunner r = CliRunner.run("bench", "--weights", DATA.resolve("bgnet_random.pth").toString(),
                "--left", DATA.resolve("small_left_src.png").toString(),
                "--right", DATA.resolve("small_right_src.png").toString(), "--runs", "0");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("--runs"), r.err());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " not in " + json);
        return Double.parseDouble(m.group(1));
    }
}
