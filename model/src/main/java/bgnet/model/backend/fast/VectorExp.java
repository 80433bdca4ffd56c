package bgnet.model.backend.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x in vectors from additions, multiplications, FMAs and bit operations only, so that every JIT tier
 * computes the same bits. {@code lanewise(VectorOperators.EXP)} does not: compiled by C2 it calls an
 * SVML-style vector routine, while the interpreter and C1 run the Java fallback ({@code Math.exp} per
 * lane), and the two differ in the last bit. A pass that on-stack replacement moves from one to the
 * other half-way then depends on timing (issue 12, case 8: half the pixels of BGNet+ at 384x1280
 * changed between two runs).
 *
 * <p>Method: x = n·ln2 + r with n = round(x / ln2) and |r| ≤ ln2/2 (ln2 split in two parts so r is
 * exact), e^r by a degree-6 polynomial (Horner with FMA; the classic single-precision minimax
 * coefficients), 2^n by writing n into the exponent bits. Error within 2 ulp of Math.exp for
 * x in [-87.3, 88]; below that the result is 0 (e^x is under float's normal range), above it x is
 * taken as 88.
 */
final class VectorExp {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 · 2^23: adding it rounds to an integer, which then sits in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float MIN = -87.3f;
    private static final float MAX = 88f;
    private static final float P0 = 1.9875691500e-4f;
    private static final float P1 = 1.3981999507e-3f;
    private static final float P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f;
    private static final float P4 = 1.6666665459e-1f;
    private static final float P5 = 5.0000001201e-1f;

    private VectorExp() {
    }

    static FloatVector exp(FloatVector x) {
        VectorMask<Float> underflow = x.lt(MIN);
        FloatVector c = x.max(MIN).min(MAX);
        FloatVector t = c.fma(LOG2E, ROUNDER);           // ROUNDER + round(c / ln2)
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.fma(c.broadcast(-LN2_LO), n.fma(c.broadcast(-LN2_HI), c));  // c - n·ln2, high part exact
        FloatVector p = r.fma(P0, P1).fma(r, c.broadcast(P2)).fma(r, c.broadcast(P3)).fma(r, c.broadcast(P4))
                .fma(r, c.broadcast(P5));
        FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
        IntVector k = t.reinterpretAsInts().sub(ROUNDER_BITS);  // n as an int
        FloatVector scale = k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return er.mul(scale).blend(0f, underflow);
    }
}
