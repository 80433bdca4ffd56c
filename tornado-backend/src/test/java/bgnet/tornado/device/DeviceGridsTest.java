package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.device.BlockedConvParams;
import bgnet.kernels.device.BlockedConvPlan;
import bgnet.kernels.device.ConvGeometry;
import org.junit.jupiter.api.Test;
import uk.ac.manchester.tornado.api.WorkerGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Launch geometry: whole work-groups, and a staged buffer that holds everything a padded grid reads. */
class DeviceGridsTest {
    private final ConvGeometry shape = ConvGeometry.of3d(
            Conv3dKernels.params(0, 5, 3, 7, 9, 0, 20, 3, 7, 9, 3, 1, 1, Activation.RELU, -1), false);
    private final BlockedConvPlan plan = BlockedConvPlan.of(shape, new float[5 * 20 * 27], new float[20]);

    @Test
    void gridsAreWholeGroupsCoveringEveryWorkItem() {
        for (DeviceGrids grids : new DeviceGrids[] {DeviceGrids.CPU, DeviceGrids.GPU, new DeviceGrids(7, 3, true)}) {
            WorkerGrid conv = grids.conv(plan);
            assertEquals(0, conv.getGlobalWork()[0] % grids.convGroup());
            assertTrue(conv.getGlobalWork()[0] * BlockedConvParams.POS_BLOCK >= plan.positions());
            assertEquals(grids.pairs() ? plan.blockPairs() : plan.blocks(), conv.getGlobalWork()[1]);
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
    void groupSizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceGrids(0, 16, true));
    }
}
