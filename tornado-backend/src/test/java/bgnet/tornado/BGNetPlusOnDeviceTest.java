package bgnet.tornado;

import bgnet.model.network.Architecture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.assertRelativeMax;
import static bgnet.model.testing.Fixtures.f32;

/** BGNet+ (with its refinement network) through TaskGraphs on the TornadoVM device against PyTorch. */
class BGNetPlusOnDeviceTest {
    static DeviceFixtureRun run;
    static DeviceFixtureRun program;

    @BeforeAll
    static void runOnce() throws Exception {
        run = new DeviceFixtureRun("bgnet_plus_random.pth", Architecture.BGNET_PLUS);
        program = run;
    }

    @AfterAll
    static void close() {
        run.runner.close();
    }

    @Test
    void refinementInputsMatch() {
        assertRelativeMax("refine_in_half_disp", program.buffer("half_disp"), f32("bgnet_plus_small_refine_in_half_disp.f32"), 1e-3);
        assertRelativeMax("left_half", program.buffer("left_half"), f32("bgnet_plus_small_refine_in_left_half.f32"), 1e-6);
        assertRelativeMax("right_half", program.buffer("right_half"), f32("bgnet_plus_small_refine_in_right_half.f32"), 1e-6);
    }

    @Test
    void refinementOutputsMatch() {
        assertRelativeMax("refine_residual", program.buffer("refine_residual"), f32("bgnet_plus_small_refine_residual.f32"), 1e-3);
        assertDisparity("refine_out_half_disp", program.buffer("refine_out_half_disp"), f32("bgnet_plus_small_refine_out_half_disp.f32"));
    }

    @Test
    void disparitiesMatch() {
        System.out.println("BGNet+ on device: " + assertDisparity("BGNet+ refined disparity", run.disparity, f32("bgnet_plus_small_out.f32")));
        assertDisparity("BGNet+ unrefined disparity", program.buffer("disparity_unrefined"), f32("bgnet_plus_small_out2.f32"));
    }

    @Test
    void everyTaskRanOnTheDevice() {
        run.assertEveryTaskRanOnTheDevice();
    }
}
