package bgnet.model.backend.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deterministic vector exp: within 2 ulp of Math.exp over float's normal range, 0 below it. */
class VectorExpTest {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Test
    void matchesMathExpWithinTwoUlp() {
        float[] x = new float[S.length()];
        float[] out = new float[S.length()];
        double worst = 0;
        float worstAt = 0;
        for (float start = -87.3f; start < 88f; start += 0.0137f * S.length()) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.min(88f, start + 0.0137f * i);
            }
            VectorExp.exp(FloatVector.fromArray(S, x, 0)).intoArray(out, 0);
            for (int i = 0; i < x.length; i++) {
                float expected = (float) Math.exp(x[i]);
                double ulps = Math.abs(out[i] - expected) / Math.ulp(expected);
                if (ulps > worst) {
                    worst = ulps;
                    worstAt = x[i];
                }
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void exactWhereItMattersAndZeroBelowTheNormalRange() {
        float[] x = new float[S.length()];
        x[0] = 0f;
        x[1] = -100f;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = 1f;
        float[] out = new float[S.length()];
        VectorExp.exp(FloatVector.fromArray(S, x, 0)).intoArray(out, 0);
        assertEquals(1f, out[0]);
        assertEquals(0f, out[1]);
        assertEquals(0f, out[2]);
        assertEquals((float) Math.E, out[3], Math.ulp((float) Math.E));
    }
}
