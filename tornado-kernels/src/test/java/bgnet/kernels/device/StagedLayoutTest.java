package bgnet.kernels.device;

import org.junit.jupiter.api.Test;

import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staged layout: its sizes by hand, and its promise that a tap reads at one constant offset from the output
 * position and lands on a zero when it falls off the image, checked on a buffer staged as the class doc draws it.
 */
class StagedLayoutTest {

    /** 2 channels of 5x7 at stride 2: phase images 3x4, rows of 4 + 1 leading zero, planes of 3 + 1 zero rows. */
    @Test
    void sizesOfAStrideTwoPlanarInput() {
        StagedLayout l = new StagedLayout(2, 1, 5, 7, 2, 0);
        assertEquals(3, l.phaseHeight);
        assertEquals(4, l.phaseWidth);
        assertEquals(5, l.rowStride);
        assertEquals(20, l.planeStride);
        assertEquals(1 * 4 + 2, l.rowsPerPhase);   // one plane of 4 rows, then two zero tail rows
        assertEquals(30, l.phaseSize);
        assertEquals(4 * 30, l.channelStride);     // four phases
        assertEquals(240, l.size());
        assertEquals(2 * 4 * 6, l.rows());
    }

    /** 3 channels of 4x4x6 at stride 1 with one zero plane at each end: 6 planes of 5 rows of 7, plus 2 rows. */
    @Test
    void sizesOfAPaddedVolume() {
        StagedLayout l = new StagedLayout(3, 4, 4, 6, 1, 1);
        assertEquals(7, l.rowStride);
        assertEquals(35, l.planeStride);
        assertEquals(6 * 5 + 2, l.rowsPerPhase);
        assertEquals(32 * 7, l.phaseSize);
        assertEquals(32 * 7, l.channelStride);
        assertEquals(3 * 32 * 7, l.size());
    }

    /** Hand values on the 5x7 stride-2 layout: the centre tap skips the zero row and column of phase (0, 0). */
    @Test
    void tapOffsetsByHand() {
        StagedLayout l = new StagedLayout(2, 1, 5, 7, 2, 0);
        assertEquals(5 + 1, l.tapOffset(0, 0, 0));
        assertEquals(3 * 30 + 5 + 1, l.tapOffset(0, 1, 1));    // phase (1, 1), same cell
        assertEquals(3 * 30, l.tapOffset(0, -1, -1));          // phase (1, 1), one row up and one column left
        assertEquals(30 + 2 * 5 + 1, l.tapOffset(0, 2, 1));    // phase (0, 1), one row down
    }

    @Test
    void everyTapReadsItsInputElementOrAZeroInsideTheBuffer() {
        checkTaps(new StagedLayout(2, 1, 5, 7, 2, 0));   // strided 2-D, odd sizes
        checkTaps(new StagedLayout(2, 1, 4, 3, 1, 0));   // plain 2-D
        checkTaps(new StagedLayout(2, 3, 5, 4, 2, 1));   // strided 3-D with zero planes
    }

    @Test
    void overhangBeyondTheZeroBorderIsRefused() {
        StagedLayout planar = new StagedLayout(1, 1, 4, 4, 1, 0);
        StagedLayout strided = new StagedLayout(1, 1, 8, 8, 2, 0);
        StagedLayout volume = new StagedLayout(1, 3, 4, 4, 1, 1);
        assertRefused(() -> planar.tapOffset(1, 0, 0));     // a 2-D input has no zero plane
        assertRefused(() -> planar.tapOffset(-1, 0, 0));
        assertRefused(() -> planar.tapOffset(0, 2, 0));     // pad 2: two rows beyond the single zero row
        assertRefused(() -> planar.tapOffset(0, 0, -2));
        assertRefused(() -> strided.tapOffset(0, -3, 0));   // floorDiv(-3, 2) = -2
        assertRefused(() -> strided.tapOffset(0, 0, 4));    // 4 / 2 = 2
        assertRefused(() -> volume.tapOffset(2, 0, 0));
        // Still within one phase step: accepted.
        strided.tapOffset(0, 3, -2);
        volume.tapOffset(-1, -1, 1);
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable tap) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tap);
        assertTrue(e.getMessage().contains("exceeds the zero border"), e.getMessage());
    }

    /**
     * Stages random data as drawn in the class doc ({@link DocStaging}), then, for each output position
     * q = od*planeStride + a*rowStride + b and every tap within one phase step, compares the staged element at
     * q + tapOffset with the input at (od+dd, a*stride+ry, b*stride+rx), or 0 outside the input.
     */
    private static void checkTaps(StagedLayout l) {
        int s = l.stride;
        float[] in = random(l.channels * l.depth * l.height * l.width, 91);
        float[] staged = DocStaging.stage(l, in);
        int checked = 0;
        for (int c = 0; c < l.channels; c++) {
            for (int od = 0; od < l.depth; od++) {
                for (int a = 0; a < l.phaseHeight; a++) {
                    for (int b = 0; b < l.phaseWidth; b++) {
                        int q = c * l.channelStride + od * l.planeStride + a * l.rowStride + b;
                        for (int dd = -l.zeroPlanes; dd <= l.zeroPlanes; dd++) {
                            for (int ry = -s; ry < 2 * s; ry++) {
                                for (int rx = -s; rx < 2 * s; rx++) {
                                    int z = od + dd;
                                    int y = a * s + ry;
                                    int x = b * s + rx;
                                    boolean inside = z >= 0 && z < l.depth && y >= 0 && y < l.height && x >= 0 && x < l.width;
                                    float expected = inside ? in[((c * l.depth + z) * l.height + y) * l.width + x] : 0f;
                                    int at = q + l.tapOffset(dd, ry, rx);
                                    assertTrue(at >= 0 && at < l.size(), "read outside the staged buffer");
                                    assertEquals(expected, staged[at], 0f,
                                            "c " + c + " od " + od + " a " + a + " b " + b + " tap " + dd + "," + ry + "," + rx);
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 0);
    }
}
