package bgnet.model.network;

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

/** BGNet+ on the JVM backend against the upstream PyTorch model, including the refinement's inputs and outputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BGNetPlusFixtureTest {
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
        program = FixtureRun.run("bgnet_plus_random.pth", backend());
        withConfidence = FixtureRun.run(FixtureRun.plan("bgnet_plus_random.pth", true), backend());
        assertEquals(Architecture.BGNET_PLUS, program.architecture());
    }

    /**
     * Issue 18: the largest softmax probability (before refinement), upsampled like the disparity, against PyTorch's. End to end
     * within {@link Fixtures#CONFIDENCE_END_TO_END}, not 1e-4: PyTorch's float32 result is itself up to 1.6e-4 from
     * its float64 one, and this port's is as close to float64 from the other side; the confidence ops alone meet
     * 1e-4 (ConfidenceOpFixtureTest).
     */
    @Test
    void confidenceMatches() {
        System.out.println("bgnet+ confidence " + assertConfidence("BGNet+ confidence", withConfidence.confidence(), f32("bgnet_plus_small_confidence.f32"), Fixtures.CONFIDENCE_END_TO_END));
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
    void refinementInputsMatch() {
        System.out.println("refine half " + assertRelativeMax("refine_in_half_disp", program.buffer("half_disp"), f32("bgnet_plus_small_refine_in_half_disp.f32"), 1e-3));
        System.out.println("left half " + assertRelativeMax("left_half", program.buffer("left_half"), f32("bgnet_plus_small_refine_in_left_half.f32"), 1e-6));
        System.out.println("right half " + assertRelativeMax("right_half", program.buffer("right_half"), f32("bgnet_plus_small_refine_in_right_half.f32"), 1e-6));
    }

    @Test
    void refinementOutputsMatch() {
        System.out.println("residual " + assertRelativeMax("refine_residual", program.buffer("refine_residual"), f32("bgnet_plus_small_refine_residual.f32"), 1e-3));
        System.out.println("refined half " + assertDisparity("refine_out_half_disp", program.buffer("refine_out_half_disp"), f32("bgnet_plus_small_refine_out_half_disp.f32")));
    }

    @Test
    void disparitiesMatch() {
        System.out.println("bgnet+ out " + assertDisparity("BGNet+ refined disparity", program.disparity(), f32("bgnet_plus_small_out.f32")));
        System.out.println("bgnet+ out2 " + assertDisparity("BGNet+ unrefined disparity", program.buffer("disparity_unrefined"), f32("bgnet_plus_small_out2.f32")));
    }
}
