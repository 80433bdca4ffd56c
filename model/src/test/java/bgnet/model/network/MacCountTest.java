package bgnet.model.network;

import bgnet.model.checkpoint.StateDict;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The multiply-accumulates behind `bench`'s GFLOP/s equal PyTorch's count (testdata/fixtures/model_stats.json). */
class MacCountTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
            "bgnet_random.pth, 384, 1280, 43720212480",
            "bgnet_random.pth, 128, 256, 2914680832",
            "bgnet_plus_random.pth, 384, 1280, 60512501760",
            "bgnet_plus_random.pth, 128, 256, 4034166784",
    })
    void convolutionMacsMatchPyTorch(String checkpoint, int h, int w, long expected) throws Exception {
        BGNetWeights weights = BGNetWeights.from(StateDict.read(Fixtures.file(checkpoint)));
        assertEquals(expected, ProgramBuilder.plan(weights, h, w).convolutionMacs());
    }
}
