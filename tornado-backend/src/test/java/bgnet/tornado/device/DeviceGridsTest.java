package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.device.BlockedConvParams;
import bgnet.kernels.device.BlockedConvPlan;
import bgnet.kernels.device.ConvGeometry;
import org.junit.jupiter.api.Test;
import uk.ac.manchester.tornado.api.WorkerGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Launch geometry: whole work-groups, and a staged buffer that holds everything a padded grid reads. */
class DeviceGridsTest {
    private final ConvGeometry shape = ConvGeometry.of3d(
            Conv3dKernels.params(0, 5, 3, 7, 9, 0, 20, 3, 7, 9, 3, 1, 1, Activation.RELU, -1), false);
    private final BlockedConvPlan plan = BlockedConvPlan.of(shape, new float[5 * 20 * 27], new float[20]);

    @Test
    void gridsAreWholeGroupsCoveringEveryWorkItem() {
        for (DeviceGrids grids : new DeviceGrids[] {DeviceGrids.CPU, DeviceGrids.CPU_WIDE, DeviceGrids.CPU_WINOGRAD, DeviceGrids.GPU,
            new DeviceGrids(7, 3, true), new DeviceGrids(5, 3, 16, false, true)}) {
            BlockedConvPlan plan = BlockedConvPlan.of(shape, new float[5 * 20 * 27], new float[20],
                    grids.channelsPerItem(shape));
            WorkerGrid conv = grids.conv(plan);
            assertEquals(0, conv.getGlobalWork()[0] % grids.convGroup());
            assertTrue(conv.getGlobalWork()[0] * BlockedConvParams.POS_BLOCK >= plan.positions());
            int channels = grids.vectorWidth() == 16 ? grids.channelsPerItem(shape) : grids.pairs() ? 16 : 8;
            assertEquals(plan.blocks() * BlockedConvParams.OC_BLOCK / channels, conv.getGlobalWork()[1]);
            assertEquals(grids.convGroup(), conv.getLocalWork()[0]);
            WorkerGrid stage = grids.stage(plan);
            assertEquals(0, stage.getGlobalWork()[0] % grids.stageGroup());
            assertTrue(stage.getGlobalWork()[0] >= plan.stagedLayout().rows());
            long reach = plan.offsets()[plan.offsets().length - 1] + conv.getGlobalWork()[0] * BlockedConvParams.POS_BLOCK;
            assertTrue(grids.stagedLength(plan) >= reach, "staged buffer too short for the padded grid");
            assertTrue(grids.stagedLength(plan) >= plan.stagedLayout().size());
        }
    }

    @Test
    void twentyChannelsAreFourBlocksOfEight() {
        // 20 channels: 3 blocks of 8, padded to an even 4 so that the vector kernel can take pairs.
        assertEquals(4, plan.blocks());
        assertEquals(2, plan.blockPairs());
    }

    @Test
    void wideProfileTakes32ChannelsWhereALayerHasThem() {
        assertEquals(32, DeviceGrids.CPU_WIDE.channelsPerItem(shape));
        // 20 channels in one work-item of 32: four blocks of 8, the last one and a half zero weights.
        BlockedConvPlan wide = BlockedConvPlan.of(shape, new float[5 * 20 * 27], new float[20], 32);
        assertEquals(4, wide.blocks());
        assertEquals(1, DeviceGrids.CPU_WIDE.conv(wide).getGlobalWork()[1]);
        ConvGeometry sixteen = ConvGeometry.of3d(
                Conv3dKernels.params(0, 5, 3, 7, 9, 0, 16, 3, 7, 9, 3, 1, 1, Activation.RELU, -1), false);
        assertEquals(16, DeviceGrids.CPU_WIDE.channelsPerItem(sixteen));
    }

    /** The blocked forms' store applies an activation by its slope; tanh has none and goes narrow, on every profile. */
    @Test
    void tanhLayersRunNarrow() {
        ConvGeometry tanh = ConvGeometry.of3d(
                Conv3dKernels.params(0, 5, 3, 7, 9, 0, 20, 3, 7, 9, 3, 1, 1, Activation.TANH, -1), false);
        assertTrue(DeviceGrids.CPU_WIDE.narrow(tanh));
        assertTrue(DeviceGrids.CPU_WINOGRAD.narrow(tanh));
        assertFalse(DeviceGrids.CPU_WIDE.narrow(shape));
        assertTrue(DeviceGrids.CPU.narrow(tanh));
        assertTrue(DeviceGrids.GPU.narrow(tanh));
        assertFalse(DeviceGrids.GPU.narrow(shape));
    }

    @Test
    void avx512DevicesGetSixteenWideVectors() {
        assertEquals(16, DeviceVectorWidth.of("pthread-skylake-avx512", ""));
        assertEquals(16, DeviceVectorWidth.of("cpu-sapphirerapids", "fpu sse2 avx2 avx512f avx512bw"));
        assertEquals(8, DeviceVectorWidth.of("pthread-haswell", "fpu sse2 avx2 fma"));
        assertEquals(8, DeviceVectorWidth.of("pthread-znver3", ""));
    }

    @Test
    void vectorWidthIsEightOrSixteen() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceGrids(16, 16, 4, true, false));
    }

    @Test
    void winogradNeedsSixteenWideVectors() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceGrids(16, 16, 8, true, true));
    }

    @Test
    void groupSizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceGrids(0, 16, true));
    }
}
