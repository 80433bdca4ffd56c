package bgnet.app.dataset;

import bgnet.app.BGNetCli;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static bgnet.app.dataset.DisparityMetricsTest.GT;
import static bgnet.app.dataset.DisparityMetricsTest.NOC;
import static bgnet.app.dataset.DisparityMetricsTest.PRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet eval` on tiny hand-made datasets: the JSON, CSV and table, and one clear line for every bad input. */
class EvalCommandTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final double EPE = 13.875 / 6;
    static final double EPE_NOC = 6.75 / 4;

    @TempDir
    Path tmp;

    /** Scene A holds the hand-worked pair, scene B a perfect prediction. */
    private Path middlebury(Path predictions) throws Exception {
        Path root = tmp.resolve("mb");
        for (String scene : new String[] {"A", "B"}) {
            Path dir = Files.createDirectories(root.resolve(scene));
            SyntheticDataset.writePair(dir.resolve("im0.png"), dir.resolve("im1.png"), 4, 2, 1);
            PfmFile.write(dir.resolve("disp0GT.pfm"), new DisparityMap(4, 2, GT));
            int[] mask = new int[8];
            for (int i = 0; i < 8; i++) {
                mask[i] = NOC[i] ? 255 : 128;
            }
            SyntheticDataset.writeGray(dir.resolve("mask0nocc.png"), 4, 2, mask);
            Files.createDirectories(predictions.resolve(scene));
        }
        PfmFile.write(predictions.resolve("A/disp0BGNet.pfm"), new DisparityMap(4, 2, PRED));
        PfmFile.write(predictions.resolve("B/disp0BGNet.pfm"), new DisparityMap(4, 2, GT));
        return root;
    }

    @Test
    void middleburyScoresPerImageAndMeanInJsonCsvAndTable() throws Exception {
        Path pred = tmp.resolve("pred");
        Path root = middlebury(pred);
        Path json = tmp.resolve("scores.json");
        Path csv = tmp.resolve("scores.csv");
        Run r = eval("--dataset", "middlebury", "--root", root.toString(), "--predictions", pred.toString(),
                "--json", json.toString(), "--csv", csv.toString());
        assertEquals(0, r.code, r.toString());

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        JsonNode a = doc.get("images").get(0);
        assertEquals("A", a.get("name").asText());
        assertEquals(EPE, a.get("epe").asDouble(), 1e-6);
        assertEquals(100.0 / 6, a.get("d1_all").asDouble(), 1e-6);
        assertEquals(100.0 * 4 / 6, a.get("bad_0_5").asDouble(), 1e-6);
        assertEquals(100.0 * 4 / 6, a.get("bad_1").asDouble(), 1e-6);
        assertEquals(50, a.get("bad_2").asDouble(), 1e-6);
        assertEquals(100.0 / 6, a.get("bad_4").asDouble(), 1e-6);
        assertEquals(6, a.get("valid_pixels").asLong());
        assertEquals(EPE_NOC, a.get("epe_noc").asDouble(), 1e-6);
        assertEquals(25, a.get("d1_noc").asDouble(), 1e-6);
        assertEquals(4, a.get("noc_pixels").asLong());
        JsonNode b = doc.get("images").get(1);
        assertEquals("B", b.get("name").asText());
        assertEquals(0, b.get("epe").asDouble());
        JsonNode mean = doc.get("mean");
        assertEquals(EPE / 2, mean.get("epe").asDouble(), 1e-6);
        assertEquals(100.0 / 12, mean.get("d1_all").asDouble(), 1e-6);
        assertEquals(25, mean.get("bad_2").asDouble(), 1e-6);
        assertEquals(EPE_NOC / 2, mean.get("epe_noc").asDouble(), 1e-6);
        assertEquals(6, mean.get("valid_pixels").asDouble());

        List<String> lines = Files.readAllLines(csv);
        assertEquals("name,epe,d1_all,bad_0_5,bad_1,bad_2,bad_4,valid_pixels,epe_noc,d1_noc,bad_0_5_noc,bad_1_noc,bad_2_noc,"
                + "bad_4_noc,noc_pixels", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("A,2.312500,16.666667,66.666667,66.666667,50.000000,16.666667,6,1.687500,25.000000,"),
                lines.get(1));
        assertTrue(lines.get(3).startsWith("mean,1.156250,"), lines.get(3));

        String[] table = r.out.strip().split("\\R");
        assertTrue(table[0].matches("IMAGE +EPE +D1-ALL% +BAD-0.5% +BAD-1% +BAD-2% +BAD-4% +PIXELS +EPE-NOC +D1-NOC%"), table[0]);
        assertTrue(table[1].matches("A +2\\.313 +16\\.667 +66\\.667 +66\\.667 +50\\.000 +16\\.667 +6 +1\\.688 +25\\.000"), table[1]);
        assertTrue(table[3].startsWith("mean (2 images)"), table[3]);
    }

    @Test
    void kittiPngsWithZeroAsInvalidAndTheNocGroundTruth() throws Exception {
        Path split = tmp.resolve("kitti/training");
        float[] gt = GT.clone();
        gt[3] = 0; // PNG has no inf: KITTI marks invalid with 0
        float[] noc = gt.clone();
        for (int i = 0; i < noc.length; i++) {
            noc[i] = NOC[i] ? noc[i] : 0;
        }
        for (String d : new String[] {"image_2", "image_3", "disp_occ_0", "disp_noc_0"}) {
            Files.createDirectories(split.resolve(d));
        }
        SyntheticDataset.writePair(split.resolve("image_2/000000_10.png"), split.resolve("image_3/000000_10.png"), 4, 2, 1);
        KittiPng.write(split.resolve("disp_occ_0/000000_10.png"), new DisparityMap(4, 2, gt));
        KittiPng.write(split.resolve("disp_noc_0/000000_10.png"), new DisparityMap(4, 2, noc));
        Path pred = Files.createDirectories(tmp.resolve("pred"));
        KittiPng.write(pred.resolve("000000_10.png"), new DisparityMap(4, 2, PRED));
        Path json = tmp.resolve("k.json");

        Run r = eval("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--predictions", pred.toString(),
                "--json", json.toString());
        assertEquals(0, r.code, r.toString());
        JsonNode img = new ObjectMapper().readTree(json.toFile()).get("images").get(0);
        assertEquals("000000_10", img.get("name").asText());
        assertEquals(EPE, img.get("epe").asDouble(), 1e-6);
        assertEquals(100.0 / 6, img.get("d1_all").asDouble(), 1e-6);
        assertEquals(EPE_NOC, img.get("epe_noc").asDouble(), 1e-6);
        assertEquals(4, img.get("noc_pixels").asLong());
    }

    @Test
    void theNetworkScoredDirectly() throws Exception {
        SyntheticDataset.kitti2015(tmp.resolve("kitti"), 1, 128, 64);
        Path json = tmp.resolve("net.json");
        Run r = eval("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(),
                "--weights", DATA.resolve("bgnet_random.pth").toString(), "--threads", "2", "--json", json.toString());
        assertEquals(0, r.code, r.toString());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals("BGNet on jvm (2 threads)", doc.get("source").asText());
        JsonNode img = doc.get("images").get(0);
        assertEquals(128 * 64 - 1, img.get("valid_pixels").asLong(), "pixel 0 has no ground truth");
        assertEquals(128 * 64 - 2, img.get("noc_pixels").asLong());
        assertTrue(img.get("epe").asDouble() > 0, "random weights do not find the shift");
    }

    @Test
    void aMissingGroundTruthFileIsOneLineAndWritesNothing() throws Exception {
        Path pred = tmp.resolve("pred");
        Path root = middlebury(pred);
        Files.delete(root.resolve("B/disp0GT.pfm"));
        Path json = tmp.resolve("scores.json");
        Run r = eval("--dataset", "middlebury", "--root", root.toString(), "--predictions", pred.toString(), "--json", json.toString());
        assertEquals(1, r.code);
        assertEquals("error: " + root.resolve("B/disp0GT.pfm") + ": no such file (ground truth of B)", r.err.strip());
        assertFalse(Files.exists(json));
    }

    @Test
    void aPredictionOfTheWrongSizeOrAMissingOneIsOneLineAndWritesNothing() throws Exception {
        Path pred = tmp.resolve("pred");
        Path root = middlebury(pred);
        Path b = pred.resolve("B/disp0BGNet.pfm");
        PfmFile.write(b, new DisparityMap(3, 2, new float[6]));
        Path csv = tmp.resolve("scores.csv");
        Files.writeString(csv, "old");
        Run r = eval("--dataset", "middlebury", "--root", root.toString(), "--predictions", pred.toString(), "--csv", csv.toString());
        assertEquals(1, r.code);
        assertEquals("error: " + b + ": prediction is 3x2 but ground truth is 4x2 (" + root.resolve("B/disp0GT.pfm") + ")",
                r.error(), "after the progress of the pairs before it: " + r.err);
        assertEquals("old", Files.readString(csv), "an earlier report is left as it was");

        Files.delete(b);
        Run missing = eval("--dataset", "middlebury", "--root", root.toString(), "--predictions", pred.toString());
        assertEquals("error: " + b + ": no such file (prediction of B)", missing.err.strip());
    }

    @Test
    void aRootThatIsNotTheLayoutATestSplitAndBadOptions() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run r = eval("--dataset", "eth3d", "--root", empty.toString(), "--predictions", empty.toString());
        assertEquals(1, r.code);
        assertEquals("error: " + empty + ": not a ETH3D folder (no scene folder with im0.png and im1.png in it)", r.err.strip());

        Path testing = tmp.resolve("kitti/testing");
        Files.createDirectories(testing.resolve("image_2"));
        Files.createDirectories(testing.resolve("image_3"));
        SyntheticDataset.writePair(testing.resolve("image_2/000000_10.png"), testing.resolve("image_3/000000_10.png"), 8, 8, 1);
        Run t = eval("--dataset", "kitti2015", "--root", tmp.resolve("kitti").toString(), "--split", "testing",
                "--predictions", empty.toString());
        assertEquals("error: " + tmp.resolve("kitti") + ": no ground truth for 000000_10 (a kitti2015 test split has none)", t.err.strip());

        Run both = eval("--dataset", "eth3d", "--root", empty.toString(), "--predictions", empty.toString(), "--weights", "w.pth");
        assertTrue(both.err.strip().startsWith("error: give either --weights W"), both.err);
        Run folder = eval("--dataset", "eth3d", "--root", empty.toString(), "--predictions", empty.toString(),
                "--json", tmp.resolve("no/such/dir/x.json").toString());
        assertTrue(folder.err.strip().startsWith("error: --json "), folder.err);
    }

    private static Run eval(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "eval";
        System.arraycopy(args, 0, all, 1, args.length);
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = BGNetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
        /** The one error line (progress lines may come before it). */
        String error() {
            List<String> errors = err.lines().filter(l -> l.startsWith("error:")).toList();
            assertEquals(1, errors.size(), err);
            assertEquals(errors.getFirst(), err.strip().lines().toList().getLast(), "the error is the last line");
            return errors.getFirst();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
