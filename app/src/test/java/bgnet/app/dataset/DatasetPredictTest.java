package bgnet.app.dataset;

import bgnet.app.BGNetCli;
import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.Backends;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.ImageReader;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `predict --dataset/--left-dir` on small datasets made on the fly: names, formats, values, skip/overwrite, failures. */
class DatasetPredictTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final String WEIGHTS = DATA.resolve("bgnet_random.pth").toString();
    static final int W = 128;
    static final int H = 64;

    /** The network called directly: what each written result must hold. */
    static DisparityEstimator reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadNetwork() throws Exception {
        reference = BGNetModel.load(Path.of(WEIGHTS)).estimator(Backends.select("jvm", null, 2));
    }

    @AfterAll
    static void closeNetwork() {
        reference.close();
    }

    @Test
    void kitti2015FramesBecomeKittiPngsNamedLikeTheFrames() throws Exception {
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 2, W, H);
        Path out = tmp.resolve("out");
        Run r = predict("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--output-dir", out.toString());

        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("000000_10.png", "000001_10.png"), listing(out), "the _11 frames are not pairs");
        Path image2 = tmp.resolve("kitti/training/image_2");
        for (String f : listing(out)) {
            DisparityMap expected = expected(image2.resolve(f), tmp.resolve("kitti/training/image_3").resolve(f));
            assertClose(expected, KittiPng.read(out.resolve(f)), 1.0 / 512 + 1e-6);
        }
        assertTrue(r.out.matches("(?s)predict: BGNet on jvm.*: 2 pairs: 2 written, 0 skipped \\(result exists\\), 0 failed; "
                + "mean [0-9.]+ s per pair \\(network [0-9.]+ s\\).*\\n"), r.out);
        assertTrue(r.err.contains("[1/2] 000000_10 ") && r.err.contains("[2/2] 000001_10 "), "plain progress lines: " + r.err);
    }

    @Test
    void kitti2012UsesItsOwnFolders() throws Exception {
        SyntheticDataset.kitti2012(tmp.resolve("k12"), 1, W, H);
        Path out = tmp.resolve("out");
        // --root may also be the split folder itself.
        Run r = predict("--dataset", "kitti2012", "--root", tmp.resolve("k12/training").toString(), "--output-dir", out.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("000000_10.png"), listing(out));
    }

    @Test
    void middleburyScenesOfTwoSizesGetPfmsInSceneFolders() throws Exception {
        Path root = tmp.resolve("mb");
        SyntheticDataset.scenes(root, new String[] {"Adirondack", "Jadeplant", "Motorcycle"},
                new int[][] {{W, H}, {100, 70}, {W, H}});
        Path out = tmp.resolve("out");
        Run r = predict("--dataset", "middlebury", "--root", root.toString(), "--output-dir", out.toString());

        assertEquals(0, r.code, r.toString());
        for (String scene : new String[] {"Adirondack", "Jadeplant", "Motorcycle"}) {
            Path result = out.resolve(scene).resolve("disp0BGNet.pfm");
            assertTrue(Files.isRegularFile(result), result.toString());
            assertClose(expected(root.resolve(scene).resolve("im0.png"), root.resolve(scene).resolve("im1.png")),
                    PfmFile.read(result), 1e-4);
        }
        assertEquals(100, PfmFile.read(out.resolve("Jadeplant/disp0BGNet.pfm")).width(), "cropped back to the input");
    }

    @Test
    void eth3dWithAMethodName() throws Exception {
        Path root = tmp.resolve("eth");
        SyntheticDataset.scenes(root, new String[] {"delivery_area_1l"}, new int[][] {{W, H}});
        Path out = tmp.resolve("out");
        Run r = predict("--dataset", "eth3d", "--root", root.toString(), "--output-dir", out.toString(), "--method", "Mine");
        assertEquals(0, r.code, r.toString());
        assertTrue(Files.isRegularFile(out.resolve("delivery_area_1l/disp0Mine.pfm")));
    }

    @Test
    void existingResultsAreSkippedUnlessOverwriting() throws Exception {
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 2, W, H);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path first = out.resolve("000000_10.png");
        Files.writeString(first, "an older result");
        String[] args = {"--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--output-dir", out.toString()};

        Run r = predict(args);
        assertEquals(0, r.code, r.toString());
        assertEquals("an older result", Files.readString(first), "skipped, not recomputed");
        assertTrue(r.out.contains("2 pairs: 1 written, 1 skipped (result exists), 0 failed"), r.out);
        assertTrue(r.err.contains("000000_10 skipped (result exists)"), r.err);

        Run again = predict(concat(args, "--overwrite"));
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains("2 pairs: 2 written, 0 skipped"), again.out);
        assertClose(expected(tmp.resolve("kitti/training/image_2/000000_10.png"), tmp.resolve("kitti/training/image_3/000000_10.png")),
                KittiPng.read(first), 1.0 / 512 + 1e-6);
    }

    @Test
    void aCorruptPairIsReportedAndSkippedAndTheRunGoesOn() throws Exception {
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 3, W, H);
        Path bad = tmp.resolve("kitti/training/image_3/000001_10.png");
        Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Path out = tmp.resolve("out");
        Run r = predict("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--output-dir", out.toString());

        assertEquals(1, r.code, "a failed pair makes the run fail, at the end: " + r);
        assertEquals(List.of("000000_10.png", "000002_10.png"), listing(out));
        List<String> errors = r.err.lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), r.err);
        assertTrue(errors.getFirst().startsWith("error: 000001_10: " + bad + ": "), errors.getFirst());
        assertTrue(r.out.contains("3 pairs: 2 written, 0 skipped (result exists), 1 failed"), r.out);
    }

    @Test
    void twoPlainFoldersWithMatchingNames() throws Exception {
        Path l = Files.createDirectories(tmp.resolve("L"));
        Path rr = Files.createDirectories(tmp.resolve("R"));
        SyntheticDataset.writePair(l.resolve("a.png"), rr.resolve("a.png"), W, H, 1);
        SyntheticDataset.writePair(l.resolve("b.png"), rr.resolve("b.png"), W, H, 2);
        Files.writeString(l.resolve("notes.txt"), "not an image");
        Path out = tmp.resolve("out");
        Run r = predict("--left-dir", l.toString(), "--right-dir", rr.toString(), "--output-dir", out.toString(), "--format", "png");

        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("a.png", "b.png"), listing(out));
        assertClose(expected(l.resolve("b.png"), rr.resolve("b.png")), KittiPng.read(out.resolve("b.png")), 1.0 / 512 + 1e-6);
    }

    @Test
    void aRootThatIsNotTheNamedLayoutIsOneLine() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("empty"));
        Path out = tmp.resolve("out");
        Run r = predict("--dataset", "kitti2015", "--root", root.toString(), "--output-dir", out.toString());
        assertEquals(1, r.code);
        assertEquals("error: " + root + ": not a KITTI 2015 folder (expected image_2/ and image_3/ in it or in "
                + root.resolve("training") + ")", r.err.strip());
        assertFalse(Files.exists(out), "nothing created");

        Run mb = predict("--dataset", "middlebury", "--root", root.toString(), "--output-dir", out.toString());
        assertEquals("error: " + root + ": not a Middlebury folder (no scene folder with im0.png and im1.png in it)", mb.err.strip());
        Run unknown = predict("--dataset", "sceneflow", "--root", root.toString(), "--output-dir", out.toString());
        assertTrue(unknown.err.strip().startsWith("error: --dataset sceneflow: unknown"), unknown.err);
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 1, W, H);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run notAFolder = predict("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--output-dir", file.toString());
        assertEquals(1, notAFolder.code);
        assertEquals("error: " + file + ": is a file, not a folder (--output-dir)", notAFolder.err.strip());
        Run mixed = predict("--dataset", "kitti2015", "--root", root.toString(), "--output", "x.png");
        assertEquals(1, mixed.code);
        assertTrue(mixed.err.strip().startsWith("error: --left/--right/--output"), mixed.err);
    }

    @Test
    void resultsThatWouldOverwriteInputsOrEachOtherAreRefusedBeforeAnyWork() throws Exception {
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 1, W, H);
        Path image2 = tmp.resolve("kitti/training/image_2");
        Run r = predict("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--output-dir", image2.toString(),
                "--overwrite");
        assertEquals(1, r.code);
        assertEquals("error: result " + image2.resolve("000000_10.png") + " is the input left image of 000000_10 "
                + image2.resolve("000000_10.png") + ": writing it would destroy the input; choose another output path", r.err.strip());

        Path mb = tmp.resolve("mb");
        SyntheticDataset.scenes(mb, new String[] {"A"}, new int[][] {{W, H}});
        byte[] gt = Files.readAllBytes(mb.resolve("A/disp0GT.pfm"));
        Run method = predict("--dataset", "middlebury", "--root", mb.toString(), "--output-dir", mb.toString(), "--method", "GT");
        assertEquals(1, method.code);
        assertTrue(method.err.strip().startsWith("error: result " + mb.resolve("A/disp0GT.pfm") + " is the input ground truth of A"),
                method.err);
        assertArrayEquals(gt, Files.readAllBytes(mb.resolve("A/disp0GT.pfm")), "the ground truth is untouched");

        Path l = Files.createDirectories(tmp.resolve("L"));
        Path rr = Files.createDirectories(tmp.resolve("R"));
        SyntheticDataset.writePair(l.resolve("a.png"), rr.resolve("a.png"), W, H, 1);
        SyntheticDataset.writePair(l.resolve("a.bmp"), rr.resolve("a.bmp"), W, H, 1);
        Run twice = predict("--left-dir", l.toString(), "--right-dir", rr.toString(), "--output-dir", tmp.resolve("o").toString());
        assertEquals(1, twice.code);
        assertEquals("error: result " + tmp.resolve("o/a.pfm") + " would be written for both a.bmp and a.png: "
                + "give each pair its own name", twice.err.strip());
        assertFalse(Files.exists(tmp.resolve("o")), "refused before the output folder is made");
    }

    private static DisparityMap expected(Path left, Path right) throws Exception {
        return reference.estimate(ImageReader.readGray(left), ImageReader.readGray(right));
    }

    private static void assertClose(DisparityMap expected, DisparityMap actual, double tolerance) {
        assertArrayEquals(new int[] {expected.width(), expected.height()}, new int[] {actual.width(), actual.height()});
        for (int i = 0; i < expected.values().length; i++) {
            assertEquals(expected.values()[i], actual.values()[i], tolerance, "pixel " + i);
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Run predict(String... args) {
        String[] all = concat(new String[] {"predict", "--weights", WEIGHTS, "--threads", "2"}, args);
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = BGNetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
