package bgnet.app;

import bgnet.model.io.DisparityMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet predict` end to end: the PyTorch answer on the fixtures, and one clear line for every bad input. */
class PredictCommandTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final String LEFT = DATA.resolve("small_left_src.png").toString();
    static final String RIGHT = DATA.resolve("small_right_src.png").toString();

    @TempDir
    Path tmp;

    @Test
    void predictsThePyTorchDisparityAndWritesBothFormats() throws IOException {
        Path pfm = tmp.resolve("d.pfm");
        Path png = tmp.resolve("d.png");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--output", pfm.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        DisparityMap d = PfmFile.read(pfm);
        assertEquals(256, d.width());
        assertEquals(128, d.height());
        float[] ref = f32(DATA.resolve("bgnet_small_out.f32"));
        double max = 0;
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            double diff = Math.abs(d.values()[i] - ref[i]);
            max = Math.max(max, diff);
            sum += diff;
        }
        assertTrue(max <= 0.1 && sum / ref.length <= 2e-3, "max " + max + " mean " + sum / ref.length);

        CliRunner r2 = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--output", png.toString(), "--threads", "2");
        assertEquals(0, r2.exitCode(), r2.err());
        DisparityMap k = KittiPng.read(png);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(d.values()[i], k.values()[i], 1.0 / 512 + 1e-6, "pixel " + i);
        }
    }

    @Test
    void depthAndPointCloudFollowFocalTimesBaseline() throws IOException {
        Path pfm = tmp.resolve("d.pfm");
        Path depth = tmp.resolve("z.pfm");
        Path ply = tmp.resolve("p.ply");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT, "--threads", "2",
                "--output", pfm.toString(), "--depth", depth.toString(), "--ply", ply.toString(),
                "--focal", "350", "--baseline", "0.54");
        assertEquals(0, r.exitCode(), r.err());
        DisparityMap d = PfmFile.read(pfm);
        bgnet.model.io.DepthMap z = bgnet.model.io.DepthMap.readPfm(depth);
        int valid = 0;
        for (int i = 0; i < d.values().length; i++) {
            if (d.values()[i] > 0) {
                assertEquals(350 * 0.54, z.metres()[i] * d.values()[i], 1e-3, "pixel " + i);
                if (z.metres()[i] <= 100) {
                    valid++;
                }
            }
        }
        String header = new String(Files.readAllBytes(ply), 0, 300, StandardCharsets.US_ASCII);
        assertTrue(header.contains("element vertex " + valid + "\n"), header);
    }

    @Test
    void depthWithoutCameraGeometryIsOneLine() {
        assertFailsCleanly("--focal", "predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--depth", tmp.resolve("z.pfm").toString());
        assertTrue(Files.notExists(tmp.resolve("z.pfm")));
    }

    @Test
    void sizeMismatchIsOneLine() throws IOException {
        Path other = tmp.resolve("other.png");
        Files.copy(DATA.resolve("large_right_resized.png"), other);
        assertFailsCleanly("size", "predict", "--weights", WEIGHTS, "--left", LEFT, "--right", other.toString());
    }

    @Test
    void unreadableImageIsOneLine() throws IOException {
        Path bad = tmp.resolve("bad.png");
        Files.writeString(bad, "not an image");
        assertFailsCleanly("bad.png", "predict", "--weights", WEIGHTS, "--left", bad.toString(), "--right", RIGHT);
    }

    @Test
    void truncatedCheckpointIsOneLine() throws IOException {
        Path cut = tmp.resolve("cut.pth");
        byte[] all = Files.readAllBytes(Path.of(WEIGHTS));
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertFailsCleanly("cut.pth", "predict", "--weights", cut.toString(), "--left", LEFT, "--right", RIGHT);
    }

    @Test
    void nonZipCheckpointIsOneLine() throws IOException {
        Path text = tmp.resolve("weights.pth");
        Files.writeString(text, "hello");
        assertFailsCleanly("not a zip", "predict", "--weights", text.toString(), "--left", LEFT, "--right", RIGHT);
    }

    @Test
    void missingKeyIsNamed() throws IOException {
        // Renaming a key (same length keeps the pickle valid) removes it as far as the loader can tell.
        Path renamed = patchPickle("feature_extraction.firstconv.0.0.weight", "feature_extraction.firstconv.0.0.weighX");
        assertFailsCleanly("missing key feature_extraction.firstconv.0.0.weight", "predict", "--weights",
                renamed.toString(), "--left", LEFT, "--right", RIGHT);
    }

    @Test
    void wrongShapeIsNamed() throws IOException {
        // Swapping two equally long keys gives both tensors the other's shape.
        Path swapped = patchPickle("dres0.0.0.weight", "dres0.X.0.weight");
        swapped = patchPickle(swapped, "dres0.1.0.weight", "dres0.0.0.weight");
        swapped = patchPickle(swapped, "dres0.X.0.weight", "dres0.1.0.weight");
        assertFailsCleanly("dres0.0.0.weight has shape [16, 32, 3, 3, 3], expected [32, 44, 3, 3, 3]", "predict",
                "--weights", swapped.toString(), "--left", LEFT, "--right", RIGHT);
    }

    @Test
    void missingOutputFolderIsOneLine() {
        Path out = tmp.resolve("no/such/folder/d.png");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--output", out.toString());
        assertNotEquals(0, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void outputUnderARegularFileIsOneLine() throws IOException {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--output", file.resolve("d.pfm").toString());
        assertNotEquals(0, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
    }

    @Test
    void unknownOutputTypeIsOneLine() {
        CliRunner r = CliRunner.run("predict", "--weights", WEIGHTS, "--left", LEFT, "--right", RIGHT,
                "--output", tmp.resolve("d.jpg").toString());
        assertNotEquals(0, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("unsupported file type"), r.err());
    }

    @Test
    void infoReportsTheArchitectureAndCounts() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, CliRunner.run("info", DATA.resolve("bgnet_plus_random.pth").toString()).exitCode());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("BGNet+"), out);
        assertTrue(out.contains("482"), out);
        assertTrue(out.contains("5,315,811"), out);
    }

    /** Runs predict (with an output in tmp) and checks: non-zero exit, one line naming the problem, no output. */
    private void assertFailsCleanly(String expected, String... args) {
        Path out = tmp.resolve("out.png");
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--output";
        all[args.length + 1] = out.toString();
        CliRunner r = CliRunner.run(all);
        assertNotEquals(0, r.exitCode());
        assertEquals(1, r.errLines().length, "expected one line, got: " + r.err());
        assertTrue(r.err().contains(expected), "'" + expected + "' not in: " + r.err());
        assertTrue(Files.notExists(out), "output left behind");
    }

    private Path patchPickle(String from, String to) throws IOException {
        return patchPickle(Path.of(WEIGHTS), from, to);
    }

    /** Copies a checkpoint with one string in data.pkl replaced by another of the same length. */
    private Path patchPickle(Path source, String from, String to) throws IOException {
        assertEquals(from.length(), to.length());
        Path target = Files.createTempFile(tmp, "patched", ".pth");
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().endsWith("data.pkl")) {
                    data = replace(data, from.getBytes(StandardCharsets.US_ASCII), to.getBytes(StandardCharsets.US_ASCII));
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] replace(byte[] data, byte[] from, byte[] to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int replaced = 0;
        for (int i = 0; i < data.length; ) {
            if (i + from.length <= data.length && java.util.Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                out.write(to, 0, to.length);
                i += from.length;
                replaced++;
            } else {
                out.write(data[i++]);
            }
        }
        assertEquals(1, replaced, "expected exactly one occurrence of the key");
        return out.toByteArray();
    }

    private static float[] f32(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    @Test
    void fixtureInputIsWhatTheCliFeedsTheNetwork() throws Exception {
        float[] expected = f32(DATA.resolve("input_small_left.f32"));
        float[] actual = bgnet.model.io.InputPadding.pad(bgnet.model.io.ImageReader.readGray(Path.of(LEFT))).pixels();
        assertArrayEquals(expected, actual);
    }
}
