package bgnet.tornado;

import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.Estimate;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageReader;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static bgnet.model.testing.Fixtures.assertConfidence;
import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The confidence map of BGNet and BGNet+ planned on each kernel tier of every TornadoVM device, against
 * PyTorch's (the tolerance of the JVM tiers' end-to-end test, {@link Fixtures#CONFIDENCE_END_TO_END}), with
 * the disparity still matching; and BGNet's map at 1280x384 on the default device's device tier within 1e-3.
 */
class ConfidenceOnDeviceTest {

    static List<Object[]> networksOnTiers() {
        List<Object[]> out = new ArrayList<>();
        for (String device : KernelEquivalenceTest.devices()) {
            for (KernelTier tier : KernelTier.values()) {
                out.add(new Object[] {device, tier, "bgnet"});
                out.add(new Object[] {device, tier, "bgnet_plus"});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("networksOnTiers")
    void confidenceMatchesPyTorch(String device, KernelTier tier, String network) throws Exception {
        NetworkProgram program = FixtureRun.plan(network + "_random.pth", true);
        BackendOptions options = new BackendOptions(false, false, tier);
        try (TornadoRunner runner = (TornadoRunner) new TornadoProvider().create(device, options).prepare(program)) {
            float[] disparity = runner.run(f32("input_small_left.f32"), f32("input_small_right.f32")).clone();
            float[] confidence = runner.confidence().clone();
            System.out.println(network + " confidence, " + tier + " tier on " + device + ": "
                    + assertConfidence(network + " confidence", confidence, f32(network + "_small_confidence.f32"),
                    Fixtures.CONFIDENCE_END_TO_END));
            assertDisparity(network + " disparity with the confidence on", disparity, f32(network + "_small_out.f32"));
            // The confidence is copied back on every run, not only the first: another pair changes it, and the
            // first pair again gives it back.
            runner.run(f32("input_small_right.f32"), f32("input_small_left.f32"));
            assertFalse(Arrays.equals(confidence, runner.confidence()), "the swapped pair's confidence did not come back");
            runner.run(f32("input_small_left.f32"), f32("input_small_right.f32"));
            assertArrayEquals(confidence, runner.confidence(), "confidence of the same pair on a later run");
        }
    }

    @Test
    void largePairMatchesPyTorchWithin1e3() throws Exception {
        BGNetModel model = BGNetModel.load(Fixtures.file("bgnet_random.pth"));
        GrayImage left = ImageReader.readGray(Fixtures.file("large_left_resized.png"));
        GrayImage right = ImageReader.readGray(Fixtures.file("large_right_resized.png"));
        try (DisparityEstimator net = model.estimator(new TornadoProvider().create(null, BackendOptions.defaults()))) {
            Estimate e = net.estimate(left, right, true);
            System.out.println("bgnet 1280x384 confidence on " + net.description() + ": " + assertConfidence(
                    "BGNet confidence at 1280x384", e.confidence().values(), f32("bgnet_large_confidence.f32"), 1e-3));
        }
    }
}
