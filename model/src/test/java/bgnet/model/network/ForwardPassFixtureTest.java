package bgnet.model.network;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.model.backend.JvmBackend;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static bgnet.model.testing.Fixtures.assertConfidence;
import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.assertRelativeMax;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** BGNet on the JVM backend against the upstream PyTorch model's outputs (testdata/fixtures/README.md). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardPassFixtureTest {
    static final int H = FixtureRun.H;
    static final int W = FixtureRun.W;
    FixtureRun.Result program;
    /** The same pass planned with the confidence map. */
    FixtureRun.Result withConfidence;

    /** The backend under test: the fast path here, the reference kernels in the subclass. */
    JvmBackend backend() {
        return new JvmBackend(2);
    }

    @BeforeAll
    void runOnce() throws Exception {
        program = FixtureRun.run("bgnet_random.pth", backend());
        withConfidence = FixtureRun.run(FixtureRun.plan("bgnet_random.pth", true), backend());
        assertEquals(Architecture.BGNET, program.architecture());
    }

    /**
     * Issue 18: the largest softmax probability, upsampled like the disparity, against PyTorch's. End to end
     * within {@link Fixtures#CONFIDENCE_END_TO_END}, not 1e-4: PyTorch's float32 result is itself up to 1.6e-4 from
     * its float64 one, and this port's is as close to float64 from the other side; the confidence ops alone meet
     * 1e-4 (ConfidenceOpFixtureTest).
     */
    @Test
    void confidenceMatches() {
        System.out.println("bgnet confidence " + assertConfidence("BGNet confidence", withConfidence.confidence(), f32("bgnet_small_confidence.f32"), Fixtures.CONFIDENCE_END_TO_END));
    }

    /** Planning the confidence changes no number of the disparity-only pass: outputs and intermediates bit for bit. */
    @Test
    void confidenceLeavesEveryOtherResultUnchanged() {
        assertArrayEquals(program.disparity(), withConfidence.disparity(), "disparity");
        assertEquals(program.named().keySet(), withConfidence.named().keySet());
        for (String name : program.named().keySet()) {
            assertArrayEquals(program.buffer(name), withConfidence.buffer(name), name);
        }
        assertNull(program.confidence());
    }

    @Test
    void featuresMatch() {
        System.out.println("left_low_level " + assertRelativeMax("left_low_level", program.buffer("left_low_level"), f32("bgnet_small_left_low_level.f32"), 1e-4));
        System.out.println("left_gwc " + assertRelativeMax("left_gwc_feature", program.buffer("left_gwc_feature"), f32("bgnet_small_left_gwc_feature.f32"), 1e-4));
        System.out.println("right_gwc " + assertRelativeMax("right_gwc_feature", program.buffer("right_gwc_feature"), f32("bgnet_small_right_gwc_feature.f32"), 1e-4));
    }

    @Test
    void costVolumeAndAggregationMatch() {
        System.out.println("gwc_volume " + assertRelativeMax("gwc_volume", program.buffer("gwc_volume"), f32("bgnet_small_gwc_volume.f32"), 1e-4));
        System.out.println("dres0 " + assertRelativeMax("dres0", program.buffer("dres0"), f32("bgnet_small_dres0.f32"), 1e-4));
        System.out.println("coeffs " + assertRelativeMax("coeffs", permutedGrid(), f32("bgnet_small_coeffs.f32"), 1e-4));
        System.out.println("guide " + assertRelativeMax("guide", program.buffer("guide"), f32("bgnet_small_guide.f32"), 1e-4));
    }

    @Test
    void slicedCostAndSoftmaxMatch() {
        int h2 = H / 2;
        int w2 = W / 2;
        int levels = ProgramBuilder.LEVELS;
        float[] grid = program.buffer("coeffs");
        float[] guide = program.buffer("guide");
        int[] p = BilateralSliceKernels.params(25, 32, H / 8, W / 8, h2, w2, levels);
        float[] cost = new float[levels * h2 * w2];
        for (int j = 0; j < levels; j++) {
            for (int y = 0; y < h2; y++) {
                for (int x = 0; x < w2; x++) {
                    cost[(j * h2 + y) * w2 + x] = BilateralSliceKernels.costAt(grid, guide, p, j, y, x);
                }
            }
        }
        System.out.println("final_cost_volume " + assertRelativeMax("final_cost_volume", cost, f32("bgnet_small_final_cost_volume.f32"), 1e-3));
        float[] softmax = new float[cost.length];
        for (int px = 0; px < h2 * w2; px++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < levels; j++) {
                max = Math.max(max, cost[j * h2 * w2 + px]);
            }
            double sum = 0;
            for (int j = 0; j < levels; j++) {
                sum += Math.exp(cost[j * h2 * w2 + px] - max);
            }
            for (int j = 0; j < levels; j++) {
                softmax[j * h2 * w2 + px] = (float) (Math.exp(cost[j * h2 * w2 + px] - max) / sum);
            }
        }
        System.out.println("softmax " + assertRelativeMax("softmax", softmax, f32("bgnet_small_softmax.f32"), 1e-3));
    }

    @Test
    void disparityMatches() {
        System.out.println("bgnet out " + assertDisparity("BGNet disparity", program.disparity(), f32("bgnet_small_out.f32")));
    }

    private float[] permutedGrid() {
        return Fixtures.gridInPyTorchOrder(program.buffer("coeffs"), 25, 32, (H / 8) * (W / 8));
    }
}
