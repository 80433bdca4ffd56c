package bgnet.app.dataset;

import bgnet.model.io.DisparityMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics on a tiny pair worked out by hand. */
class DisparityMetricsTest {
    static final float INF = Float.POSITIVE_INFINITY;

    // Pixel:                    0      1    2       3    4         5       6     7
    static final float[] GT = {10, 0, 100, INF, 2, 50, 20, 40};           // 1 (0) and 3 (inf) are invalid
    static final float[] PRED = {10.25f, 7, 104.5f, 3, Float.NaN, 52.625f, 24, 40.5f};
    static final boolean[] NOC = {true, true, false, true, true, false, true, true};
    // Errors on valid pixels: 0.25, 4.5, 2 (NaN counts as 0), 2.625, 4, 0.5 -> sum 13.875 over 6.
    // Pixel 2: 4.5 > 3 px but not > 5 % of 100, so not D1; pixel 6: 4 > 3 and > 1 (5 % of 20): D1.

    @Test
    void allValidPixels() {
        Scores s = DisparityMetrics.score("x", new DisparityMap(4, 2, PRED), new GroundTruth(new DisparityMap(4, 2, GT), null)).all();
        assertEquals(6, s.pixels());
        assertEquals(13.875 / 6, s.epe(), 1e-6);
        assertEquals(100.0 / 6, s.d1(), 1e-6);
        assertEquals(100.0 * 4 / 6, s.bad05(), 1e-6, "0.5 is not above 0.5");
        assertEquals(100.0 * 4 / 6, s.bad1(), 1e-6);
        assertEquals(100.0 * 3 / 6, s.bad2(), 1e-6, "2 is not above 2");
        assertEquals(100.0 / 6, s.bad4(), 1e-6, "4 is not above 4");
    }

    @Test
    void nonOccludedPixelsOnlyWhereTheMaskSaysSo() {
        ImageScore score = DisparityMetrics.score("x", new DisparityMap(4, 2, PRED),
                new GroundTruth(new DisparityMap(4, 2, GT), NOC));
        Scores noc = score.noc();
        // Valid and non-occluded: 0, 4, 6, 7 -> errors 0.25, 2, 4, 0.5.
        assertEquals(4, noc.pixels());
        assertEquals(6.75 / 4, noc.epe(), 1e-6);
        assertEquals(25, noc.d1(), 1e-6);
        assertEquals(50, noc.bad05(), 1e-6);
        assertEquals(50, noc.bad1(), 1e-6);
        assertEquals(25, noc.bad2(), 1e-6);
        assertEquals(0, noc.bad4(), 1e-6);
        assertEquals(6, score.all().pixels());
    }

    @Test
    void noValidPixelsGiveNoFiguresAndNoMaskGivesNoNoc() {
        ImageScore score = DisparityMetrics.score("x", new DisparityMap(2, 1, new float[] {1, 2}),
                new GroundTruth(new DisparityMap(2, 1, new float[] {0, INF}), null));
        assertEquals(0, score.all().pixels());
        assertTrue(Double.isNaN(score.all().epe()) && Double.isNaN(score.all().d1()));
        assertNull(score.noc());
    }

    @Test
    void sizesMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DisparityMetrics.score("x",
                new DisparityMap(2, 1, new float[2]), new GroundTruth(new DisparityMap(1, 2, new float[2]), null)));
        assertEquals("prediction is 2x1 but ground truth is 1x2", e.getMessage());
    }
}
