package bgnet.tornado;

import bgnet.model.network.Architecture;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.assertRelativeMax;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BGNet through one TaskGraph on the TornadoVM device against the PyTorch fixtures, with the JVM
 * backend's tolerances; and proof that the kernels, not a Java fallback, computed it.
 */
class BGNetOnDeviceTest {
    static DeviceFixtureRun run;
    static DeviceFixtureRun program;

    @BeforeAll
    static void runOnce() throws Exception {
        run = new DeviceFixtureRun("bgnet_random.pth", Architecture.BGNET);
        program = run;
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
        System.out.println("BGNet on device: " + assertDisparity("BGNet disparity", run.disparity, f32("bgnet_small_out.f32")));
    }

    @Test
    void everyTaskRanOnTheDevice() {
        run.assertEveryTaskRanOnTheDevice();
    }

    /**
     * After the runs, the device-only activations still have no host memory behind them: TornadoVM
     * allocated their device buffers without reading or writing their host stand-ins.
     */
    @Test
    void deviceOnlyActivationsHoldNoHostMemory() {
        OffHeapArrays arrays = (OffHeapArrays) run.runner.arrays();
        DeviceOnlyMemory memory = arrays.deviceOnly();
        assertTrue(memory.bytes() > (4 << 20), "device-only bytes " + memory.bytes());
        long resident = ResidentMemory.ofMapping(memory.fileName());
        assertTrue(resident >= 0, "no mapping named " + memory.fileName());
        // At most each array's header, with the kernel's fault-around (16 pages per fault).
        assertTrue(resident <= 16 * 4096L * memory.arrays(), "resident " + resident + " bytes for " + memory.arrays()
                + " arrays of " + memory.bytes() + " bytes");
    }

    @Test
    void weightsStayOnTheDevice() {
        WeightWipe.assertWeightsStayOnTheDevice(run);
    }
}
