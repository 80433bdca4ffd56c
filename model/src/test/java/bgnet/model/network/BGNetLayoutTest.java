package bgnet.model.network;

import bgnet.model.checkpoint.StateDict;
import bgnet.model.checkpoint.TensorData;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The key and shape table derived from the forward pass's wiring is exactly what upstream's model
 * stores: every key of the upstream checkpoints, with its shape, and nothing else.
 */
class BGNetLayoutTest {

    @ParameterizedTest
    @CsvSource({"bgnet_random.pth, BGNET, 0", "bgnet_plus_random.pth, BGNET_PLUS, 1"})
    void derivedLayoutIsTheUpstreamStateDict(String checkpoint, Architecture architecture, int refinement)
            throws Exception {
        StateDict sd = StateDict.read(Fixtures.file(checkpoint));
        Map<String, int[]> expected = BGNetLayout.of(architecture).expectedKeys();
        assertEquals(sd.keys(), expected.keySet());
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            TensorData t = sd.get(e.getKey());
            assertArrayEquals(t.shape(), e.getValue(), e.getKey() + " " + Arrays.toString(t.shape()));
        }
        // The feature extractor's BasicConv / Conv2x BatchNorms (upstream stores them, forward() skips them).
        assertEquals(21, BGNetLayout.of(architecture).unappliedBatchNorms().size());
        assertEquals(refinement == 1, expected.containsKey("refinement_net.final_conv.bias"));
    }
}
