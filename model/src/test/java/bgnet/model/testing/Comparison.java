package bgnet.model.testing;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fast tier (JVM or device) versus the reference kernel: max|Δ| ≤ relative · max|expected|, element for element. */
public final class Comparison {
    /** A value no kernel computes: output buffers start filled with it, so stray writes show. */
    public static final float SENTINEL = 1234.5f;

    private Comparison() {
    }

    public static float[] sentinel(int n) {
        float[] a = new float[n];
        Arrays.fill(a, SENTINEL);
        return a;
    }

    /** Sentinels must stay exactly; the scale is the largest computed value. */
    public static void assertClose(float[] expected, float[] actual, double relative) {
        assertEquals(expected.length, actual.length, "length");
        double max = 0;
        double refMax = 0;
        int worst = -1;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), "element " + i + " is " + actual[i]);
            if (expected[i] == SENTINEL || actual[i] == SENTINEL) {
                assertEquals(expected[i], actual[i], "element " + i + " (outside or inside the output view)");
                continue;
            }
            double d = Math.abs((double) expected[i] - actual[i]);
            if (d > max) {
                max = d;
                worst = i;
            }
            refMax = Math.max(refMax, Math.abs(expected[i]));
        }
        assertTrue(refMax > 0, "nothing computed");
        assertTrue(max <= relative * refMax, "max|Δ| = " + max + " at " + worst + " (expected "
                + (worst >= 0 ? expected[worst] : 0) + ", got " + (worst >= 0 ? actual[worst] : 0) + "), max|ref| = " + refMax);
    }
}
