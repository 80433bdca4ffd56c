package bgnet.app;

import bgnet.model.checkpoint.StateDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NaN / infinite weights or a negative running variance: refused at load naming the tensor, never a NaN result. */
class CorruptWeightsTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final Path WEIGHTS = DATA.resolve("bgnet_random.pth");
    static final String LEFT = DATA.resolve("small_left_src.png").toString();
    static final String RIGHT = DATA.resolve("small_right_src.png").toString();

    @TempDir
    Path tmp;

    @Test
    void aNaNWeightIsNamed() throws Exception {
        Path bad = withFirstValue("guide.conv1.0.weight", Float.NaN);
        assertRefused(bad, "tensor 'guide.conv1.0.weight' holds NaN at element 0");
    }

    @Test
    void anInfiniteWeightIsNamed() throws Exception {
        Path bad = withFirstValue("dres0.0.0.weight", Float.POSITIVE_INFINITY);
        assertRefused(bad, "tensor 'dres0.0.0.weight' holds Infinity at element 0");
    }

    @Test
    void aNegativeRunningVarianceIsNamed() throws Exception {
        Path bad = withFirstValue("feature_extraction.firstconv.0.1.running_var", -0.5f);
        assertRefused(bad, "tensor 'feature_extraction.firstconv.0.1.running_var' holds -0.5 at element 0");
    }

    @Test
    void infoRefusesThemToo() throws Exception {
        Path bad = withFirstValue("guide.conv1.0.weight", Float.NaN);
        CliRunner r = CliRunner.run("info", bad.toString());
        OutputSafetyTest.assertFailsWithOneLine(r, "holds NaN");
    }

    private void assertRefused(Path weights, String expected) throws IOException {
        Path out = tmp.resolve("d.png");
        CliRunner r = CliRunner.run("predict", "--weights", weights.toString(), "--left", LEFT, "--right", RIGHT,
                "--output", out.toString(), "--color", tmp.resolve("c.png").toString());
        OutputSafetyTest.assertFailsWithOneLine(r, "checkpoint " + weights + ": " + expected);
        assertEquals(java.util.List.of(weights.getFileName().toString()), OutputSafetyTest.listing(tmp));
    }

    /** A copy of the checkpoint with the first element of {@code key} set to {@code value} (found by its bytes). */
    private Path withFirstValue(String key, float value) throws Exception {
        float[] original = StateDict.read(WEIGHTS).get(key).values();
        ByteBuffer pattern = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            pattern.putFloat(original[i]);
        }
        Path target = tmp.resolve("patched.pth");
        int patched = 0;
        try (ZipFile zip = new ZipFile(WEIGHTS.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                }
                if (entry.getName().contains("/data/")) {
                    for (int at = 0; at + 16 <= data.length; at += 4) {
                        if (Arrays.equals(data, at, at + 16, pattern.array(), 0, 16)) {
                            ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
                            patched++;
                        }
                    }
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        assertEquals(1, patched, "the tensor's bytes should occur once");
        return target;
    }
}
