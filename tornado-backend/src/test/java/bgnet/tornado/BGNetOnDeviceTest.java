package bgnet.tornado;

import bgnet.model.network.Architecture;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.assertRelativeMax;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BGNet through one TaskGraph on the TornadoVM device against the PyTorch fixtures, with the JVM
 * backend's tolerances; and proof that the kernels, not a Java fallback, computed it.
 */
class BGNetOnDeviceTest {
    static DeviceFixtureRun run;
    static NetworkProgram program;

    @BeforeAll
    static void runOnce() throws Exception {
        run = new DeviceFixtureRun("bgnet_random.pth", Architecture.BGNET);
        program = run.program;
    }

    @AfterAll
    static void close() {
        run.runner.close();
    }

    @Test
    void featuresMatch() {
        assertRelativeMax("left_low_level", program.buffer("left_low_level"), f32("bgnet_small_left_low_level.f32"), 1e-4);
        assertRelativeMax("left_gwc_feature", program.buffer("left_gwc_feature"), f32("bgnet_small_left_gwc_feature.f32"), 1e-4);
        assertRelativeMax("right_gwc_feature", program.buffer("right_gwc_feature"), f32("bgnet_small_right_gwc_feature.f32"), 1e-4);
    }

    @Test
    void costVolumeAndAggregationMatch() {
        int hw = (DeviceFixtureRun.H / 8) * (DeviceFixtureRun.W / 8);
        assertRelativeMax("gwc_volume", program.buffer("gwc_volume"), f32("bgnet_small_gwc_volume.f32"), 1e-4);
        assertRelativeMax("dres0", program.buffer("dres0"), f32("bgnet_small_dres0.f32"), 1e-4);
        assertRelativeMax("coeffs", Fixtures.gridInPyTorchOrder(program.buffer("coeffs"), 25, 32, hw),
                f32("bgnet_small_coeffs.f32"), 1e-4);
        assertRelativeMax("guide", program.buffer("guide"), f32("bgnet_small_guide.f32"), 1e-4);
    }

    @Test
    void disparityMatches() {
        System.out.println("BGNet on device: " + assertDisparity("BGNet disparity", program.disparity(), f32("bgnet_small_out.f32")));
    }

    @Test
    void everyTaskRanOnTheDevice() {
        run.assertEveryTaskRanOnTheDevice();
    }

    /**
     * Weights go to the device on the first execution only. Wiping them on the host must not change
     * the next result; had any task fallen back to Java (which reads the host arrays), it would.
     */
    @Test
    void weightsStayOnTheDevice() {
        float[] before = program.disparity().clone();
        List<float[]> saved = new ArrayList<>();
        for (float[] c : program.constants()) {
            saved.add(c.clone());
        }
        try {
            program.constants().forEach(c -> Arrays.fill(c, 0f));
            Arrays.fill(program.disparity(), -1f);
            run.runner.run();
            assertArrayEquals(before, program.disparity(), "the second run read the wiped host weights");
        } finally {
            int k = 0;
            for (float[] c : program.constants()) {
                float[] s = saved.get(k++);
                System.arraycopy(s, 0, c, 0, s.length);
            }
        }
        assertTrue(before[before.length / 2] != -1f);
    }
}
