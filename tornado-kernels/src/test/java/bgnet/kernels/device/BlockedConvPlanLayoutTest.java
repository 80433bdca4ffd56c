package bgnet.kernels.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the layout side of {@link BlockedConvPlan}: which staged layout a layer gets, and which shapes the staged
 * layout cannot serve. (The blocked kernels and their packed weights are tested where they live.)
 */
class BlockedConvPlanLayoutTest {

    private static BlockedConvPlan plan(ConvGeometry g) {
        return BlockedConvPlan.of(g, new float[g.outC() * g.inC() * g.taps()], new float[g.outC()]);
    }

    /** A strided convolution stages its input at its stride; a 2-D one has no zero planes. */
    @Test
    void stridedConvolutionIsStagedAtItsStride() {
        ConvGeometry g = ConvGeometry.of2d(Conv2dKernels.params(0, 3, 7, 5, 0, 4, 4, 3, 3, 2, 1, Activation.RELU, -1), false);
        BlockedConvPlan plan = plan(g);
        StagedLayout l = plan.stagedLayout();
        assertSame(g, plan.shape());
        assertEquals(3, l.channels);
        assertEquals(7, l.height);
        assertEquals(5, l.width);
        assertEquals(2, l.stride);
        assertEquals(0, l.zeroPlanes);
    }

    /** A transposed one reads its input at stride 1 (the stride splits the outputs into parity classes instead). */
    @Test
    void transposedConvolutionIsStagedAtStrideOne() {
        ConvGeometry g = ConvGeometry.of2d(Conv2dKernels.params(0, 2, 3, 4, 0, 2, 6, 8, 4, 2, 1, Activation.RELU, -1), true);
        assertEquals(1, plan(g).stagedLayout().stride);
    }

    /** A depth-padded 3-D layer gets one zero plane at each end. */
    @Test
    void paddedVolumeGetsZeroPlanes() {
        ConvGeometry g = ConvGeometry.of3d(
                Conv3dKernels.params(0, 2, 4, 4, 4, 0, 2, 4, 2, 2, 3, 2, 1, Activation.LEAKY_RELU, -1), false);
        StagedLayout l = plan(g).stagedLayout();
        assertEquals(1, l.zeroPlanes);
        assertEquals(4, l.depth);
    }

    @Test
    void shapesTheStagedLayoutCannotServeAreRefused() {
        // Depth 4 -> 2 (a 3-D convolution without depth padding).
        ConvGeometry shrinking = ConvGeometry.of3d(
                Conv3dKernels.params(0, 1, 4, 4, 4, 0, 1, 2, 2, 2, 3, 1, 0, Activation.NONE, -1), false);
        assertMessage("depth must be preserved", assertThrows(IllegalArgumentException.class, () -> plan(shrinking)));
        // Padding 2 reaches two rows beyond the single zero row.
        ConvGeometry wide = ConvGeometry.of2d(Conv2dKernels.params(0, 1, 6, 6, 0, 1, 6, 6, 5, 1, 2, Activation.NONE, -1), false);
        assertMessage("exceeds the zero border", assertThrows(IllegalArgumentException.class, () -> plan(wide)));
        // A declared 5x5 output of a 4x4 input at stride 1 does not fit the staged phase image.
        ConvGeometry grown = ConvGeometry.of2d(Conv2dKernels.params(0, 1, 4, 4, 0, 1, 5, 5, 3, 1, 1, Activation.NONE, -1), false);
        assertMessage("does not fit", assertThrows(IllegalArgumentException.class, () -> plan(grown)));
    }

    private static void assertMessage(String part, IllegalArgumentException e) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
