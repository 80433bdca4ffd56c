package bgnet.model.backend.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** Splits a row into its even and odd elements (the two column phases of a stride-2 convolution's input). */
final class Deinterleave {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorMask<Float> EVEN = evenLanes();
    private static final VectorMask<Float> ODD = EVEN.not();
    private static final VectorMask<Float> HALF = S.indexInRange(0, L / 2);

    private Deinterleave() {
    }

    /**
     * even[i] = src[off + 2i], odd[i] = src[off + 2i + 1]; when n is odd the odd row gets a trailing 0
     * (its last slot lies past the image), so both rows have ceil(n/2) elements.
     */
    static void split(float[] src, int off, int n, float[] dst, int even, int odd) {
        int x = 0;
        for (; x + L <= n; x += L) {
            FloatVector v = FloatVector.fromArray(S, src, off + x);
            v.compress(EVEN).intoArray(dst, even + x / 2, HALF);
            v.compress(ODD).intoArray(dst, odd + x / 2, HALF);
        }
        for (; x < n; x++) {
            dst[((x & 1) == 0 ? even : odd) + x / 2] = src[off + x];
        }
        if ((n & 1) != 0) {
            dst[odd + n / 2] = 0f;
        }
    }

    private static VectorMask<Float> evenLanes() {
        boolean[] lanes = new boolean[L];
        for (int i = 0; i < L; i += 2) {
            lanes[i] = true;
        }
        return VectorMask.fromArray(S, lanes, 0);
    }
}
