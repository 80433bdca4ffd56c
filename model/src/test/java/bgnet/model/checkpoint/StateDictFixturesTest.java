package bgnet.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The two real checkpoints, written by torch 1.13 torch.save(model.state_dict()). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateDictFixturesTest {
    private StateDict bgnet;
    private StateDict bgnetPlus;

    @BeforeAll
    void load() throws CheckpointException {
        bgnet = StateDict.read(TestFiles.fixture("bgnet_random.pth"));
        bgnetPlus = StateDict.read(TestFiles.fixture("bgnet_plus_random.pth"));
    }

    @Test
    void bgnetHasExactlyTheKeysShapesAndDtypesOfItsManifest() throws IOException {
        assertMatchesManifest(bgnet, "bgnet_random.json", 294);
    }

    @Test
    void bgnetPlusHasExactlyTheKeysShapesAndDtypesOfItsManifest() throws IOException {
        assertMatchesManifest(bgnetPlus, "bgnet_plus_random.json", 482);
    }

    private static void assertMatchesManifest(StateDict sd, String json, int tensors) throws IOException {
        List<FixtureManifest.Entry> manifest = FixtureManifest.read(TestFiles.fixture(json)).entries();
        assertEquals(tensors, manifest.size(), "manifest entries");
        assertEquals(tensors, sd.size());
        Set<String> expectedKeys = manifest.stream().map(FixtureManifest.Entry::key).collect(Collectors.toSet());
        assertEquals(expectedKeys, Set.copyOf(sd.keys()));
        for (FixtureManifest.Entry e : manifest) {
            TensorData t = sd.get(e.key());
            assertArrayEquals(e.shape(), t.shape(), e.key());
            assertEquals(e.dtype(), t.dtype(), e.key());
            assertEquals(e.key(), t.key());
            assertEquals(t.numel(), t.values().length, e.key());
        }
        // The manifest lists keys in state_dict order (checked once with Python's pickle), so this
        // also proves the file's order survives unpickling.
        assertEquals(manifest.stream().map(FixtureManifest.Entry::key).toList(), List.copyOf(sd.keys()));
    }

    /*
     * Expected numbers below were read independently with Python's standard library (zipfile +
     * struct on <root>/data/<key>, the key taken from data.pkl); sums are math.fsum of the float32
     * values in float64.
     */

    @Test
    void firstConvWeightValues() {
        TensorData w = bgnet.get("feature_extraction.firstconv.0.0.weight");
        assertArrayEquals(new int[] {32, 1, 3, 3}, w.shape());
        assertEquals(0.18511132895946503f, w.values()[0], 0f);
        assertEquals(-0.07055133581161499f, w.values()[287], 0f);
        assertEquals(-2.2748281768872403, sum(w), 1e-9);
    }

    @Test
    void largestTensorValues() {
        TensorData w = bgnet.get("coeffs_disparity_predictor.conv4.0.weight");
        assertEquals(442_368, w.numel());
        assertEquals(0.018171440809965134f, w.values()[0], 0f);
        assertEquals(0.007127147633582354f, w.values()[442_367], 0f);
        assertEquals(-17.214595024536656, sum(w), 1e-8);
    }

    @Test
    void batchNormBufferValues() {
        TensorData var = bgnet.get("feature_extraction.firstconv.0.1.running_var");
        assertEquals(405.2636413574219f, var.values()[0], 0f);
        assertEquals(671.6061401367188f, var.values()[31], 0f);
        assertEquals(6267.411573886871, sum(var), 1e-9);
        assertEquals(-1.2704174518585205f, bgnet.get("guide.conv2.1.running_mean").values()[0], 0f);

        TensorData counter = bgnet.get("feature_extraction.firstconv.0.1.num_batches_tracked");
        assertEquals("int64", counter.dtype());
        assertArrayEquals(new int[0], counter.shape());
        assertArrayEquals(new float[] {0f}, counter.values(), 0f); // the fixtures reset it to 0
    }

    @Test
    void bgnetPlusRefinementValues() {
        TensorData w = bgnetPlus.get("refinement_net.final_conv.weight");
        assertArrayEquals(new int[] {1, 32, 3, 3}, w.shape());
        assertEquals(0.005920474883168936f, w.values()[0], 0f);
        assertEquals(-0.009273198433220387f, w.values()[287], 0f);
        assertEquals(-0.29226681478030514, sum(w), 1e-9);
    }

    /*
     * The README's 2,974,770 / 5,315,811 "parameters" are learnable parameters only (conv and BN
     * weights and biases): BN running_mean/var and num_batches_tracked are buffers and excluded.
     * Counting every element gives 2,980,581 / 5,325,717; the buffers are the 5,811 / 9,906 of
     * model_stats.json's buffers_total_elements.
     */
    @Test
    void parameterCountsMatchTheReadmeWhenBuffersAreExcluded() {
        assertEquals(2_974_770, elements(bgnet, false));
        assertEquals(2_980_581, elements(bgnet, true));
        assertEquals(5_315_811, elements(bgnetPlus, false));
        assertEquals(5_325_717, elements(bgnetPlus, true));
    }

    @Test
    void absentKeyGivesNullAndSourceIsTheFile() {
        assertNull(bgnet.get("no.such.weight"));
        assertNotNull(bgnet.get("guide.conv1.0.weight"));
        assertEquals(TestFiles.fixture("bgnet_random.pth"), bgnet.source());
    }

    private static long elements(StateDict sd, boolean withBuffers) {
        return sd.tensors().stream()
                .filter(t -> withBuffers || !isBuffer(t.key()))
                .mapToLong(TensorData::numel).sum();
    }

    private static boolean isBuffer(String key) {
        return key.endsWith(".running_mean") || key.endsWith(".running_var") || key.endsWith(".num_batches_tracked");
    }

    private static double sum(TensorData t) {
        double s = 0;
        for (float v : t.values()) {
            s += v;
        }
        return s;
    }
}
