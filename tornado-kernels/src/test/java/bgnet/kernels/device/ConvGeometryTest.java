package bgnet.kernels.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Decoding the reference kernels' int parameters into one shape, and the counts derived from it. */
class ConvGeometryTest {

    /** A 2-D layer is a 3-D one of depth 1, kernel depth 1, no depth padding; every other field is passed on. */
    @Test
    void of2dDecodesConv2dParams() {
        int[] p = Conv2dKernels.params(11, 2, 9, 10, 13, 4, 5, 6, 3, 2, 1, Activation.LEAKY_RELU, 17);
        ConvGeometry g = ConvGeometry.of2d(p, false);
        assertEquals(new ConvGeometry(false, 11, 2, 1, 9, 10, 13, 4, 1, 5, 6, 3, 1, 2, 1, 0, Activation.LEAKY_RELU, 17), g);
        assertEquals(9, g.taps());
        assertEquals(30, g.outVolume());
        assertEquals(4L * 30 * 2 * 9, g.macs());
    }

    /** k4 s2 transposed: each output receives (4/2)² = 4 real taps per input channel, not 16. */
    @Test
    void of2dTransposedCountsOnlyRealTaps() {
        int[] p = Conv2dKernels.params(0, 8, 3, 4, 5, 4, 6, 8, 4, 2, 1, Activation.RELU, -1);
        ConvGeometry g = ConvGeometry.of2d(p, true);
        assertEquals(new ConvGeometry(true, 0, 8, 1, 3, 4, 5, 4, 1, 6, 8, 4, 1, 2, 1, 0, Activation.RELU, -1), g);
        assertEquals(16, g.taps());
        assertEquals(4L * 48 * 8 * 4, g.macs());
    }

    /** cbl3(16, 32, 2) on 25 disparities: the kernel and the padding apply to the depth too. */
    @Test
    void of3dDecodesConv3dParams() {
        int[] p = Conv3dKernels.params(3, 16, 25, 4, 6, 7, 32, 25, 2, 3, 3, 2, 1, Activation.LEAKY_RELU, 9);
        ConvGeometry g = ConvGeometry.of3d(p, false);
        assertEquals(new ConvGeometry(false, 3, 16, 25, 4, 6, 7, 32, 25, 2, 3, 3, 3, 2, 1, 1, Activation.LEAKY_RELU, 9), g);
        assertEquals(27, g.taps());
        assertEquals(150, g.outVolume());
        assertEquals(32L * 150 * 16 * 27, g.macs());
    }

    /** tb3: per output 3 depth taps times 1.5 row taps times 1.5 column taps on average, 27/4 in all. */
    @Test
    void of3dTransposedCountsOnlyRealTaps() {
        int[] p = Conv3dKernels.params(0, 64, 5, 2, 3, 0, 32, 5, 4, 6, 3, 2, 1, Activation.NONE, 100);
        ConvGeometry g = ConvGeometry.of3d(p, true);
        assertEquals(new ConvGeometry(true, 0, 64, 5, 2, 3, 0, 32, 5, 4, 6, 3, 3, 2, 1, 1, Activation.NONE, 100), g);
        assertEquals(32L * 120 * 64 * 27 / 4, g.macs());
    }
}
