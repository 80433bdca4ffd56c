package bgnet.model.backend.fast;

import bgnet.kernels.device.Winograd;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three transforms of Winograd's F(2x2, 3x3): a 3x3 kernel g becomes U = G g Gᵀ (4x4), a 4x4
 * input tile d becomes V = Bᵀ d B, and the 4x4 products M = Σ U⊙V become the 2x2 outputs Aᵀ M A.
 * 16 multiplies per 4 outputs instead of 36; the transforms are additions only (G has halves). The
 * math is {@link Winograd}'s (shared with the device tier); these are its vector forms.
 */
final class WinogradTransforms {
    private static final VectorSpecies<Float> S = ConvMicroKernel.SPECIES;
    private static final int L = ConvMicroKernel.LANES;
    private static final int B = ConvMicroKernel.BLOCK;

    private WinogradTransforms() {
    }

    /** U = G g Gᵀ for one 3x3 kernel (row-major), computed in double; u[i*4 + j] ({@link Winograd#kernel}). */
    static double[] kernel(float[] g, int off) {
        return Winograd.kernel(g, off);
    }

    /**
     * V = Bᵀ d B for the tiles of one input channel over a block of positions: d[r][c] is read at
     * {@code in[base + tile[r*4 + c] + p]}; V[i][j] goes to {@code v[(i*4 + j) * elementStride + vOff + p]}.
     * Written out in locals: vectors kept in arrays would be boxed.
     */
    static void input(float[] in, int base, int[] tile, float[] v, int vOff, int elementStride) {
        for (int p = 0; p < B; p += L) {
            int o = base + p;
            // Column c of Bᵀ d: rows d0 - d2, d1 + d2, d2 - d1, d1 - d3.
            FloatVector a0 = FloatVector.fromArray(S, in, o + tile[0]);
            FloatVector a1 = FloatVector.fromArray(S, in, o + tile[4]);
            FloatVector a2 = FloatVector.fromArray(S, in, o + tile[8]);
            FloatVector a3 = FloatVector.fromArray(S, in, o + tile[12]);
            FloatVector b0 = FloatVector.fromArray(S, in, o + tile[1]);
            FloatVector b1 = FloatVector.fromArray(S, in, o + tile[5]);
            FloatVector b2 = FloatVector.fromArray(S, in, o + tile[9]);
            FloatVector b3 = FloatVector.fromArray(S, in, o + tile[13]);
            FloatVector c0 = FloatVector.fromArray(S, in, o + tile[2]);
            FloatVector c1 = FloatVector.fromArray(S, in, o + tile[6]);
            FloatVector c2 = FloatVector.fromArray(S, in, o + tile[10]);
            FloatVector c3 = FloatVector.fromArray(S, in, o + tile[14]);
            FloatVector e0 = FloatVector.fromArray(S, in, o + tile[3]);
            FloatVector e1 = FloatVector.fromArray(S, in, o + tile[7]);
            FloatVector e2 = FloatVector.fromArray(S, in, o + tile[11]);
            FloatVector e3 = FloatVector.fromArray(S, in, o + tile[15]);
            int es = elementStride;
            int at = vOff + p;
            // Row i of (Bᵀ d), times B: w0 - w2, w1 + w2, w2 - w1, w1 - w3 (no helper: vector arguments could box).
            FloatVector w0 = a0.sub(a2);
            FloatVector w1 = b0.sub(b2);
            FloatVector w2 = c0.sub(c2);
            FloatVector w3 = e0.sub(e2);
            w0.sub(w2).intoArray(v, at);
            w1.add(w2).intoArray(v, at + es);
            w2.sub(w1).intoArray(v, at + 2 * es);
            w1.sub(w3).intoArray(v, at + 3 * es);
            w0 = a1.add(a2);
            w1 = b1.add(b2);
            w2 = c1.add(c2);
            w3 = e1.add(e2);
            at += 4 * es;
            w0.sub(w2).intoArray(v, at);
            w1.add(w2).intoArray(v, at + es);
            w2.sub(w1).intoArray(v, at + 2 * es);
            w1.sub(w3).intoArray(v, at + 3 * es);
            w0 = a2.sub(a1);
            w1 = b2.sub(b1);
            w2 = c2.sub(c1);
            w3 = e2.sub(e1);
            at += 4 * es;
            w0.sub(w2).intoArray(v, at);
            w1.add(w2).intoArray(v, at + es);
            w2.sub(w1).intoArray(v, at + 2 * es);
            w1.sub(w3).intoArray(v, at + 3 * es);
            w0 = a1.sub(a3);
            w1 = b1.sub(b3);
            w2 = c1.sub(c3);
            w3 = e1.sub(e3);
            at += 4 * es;
            w0.sub(w2).intoArray(v, at);
            w1.add(w2).intoArray(v, at + es);
            w2.sub(w1).intoArray(v, at + 2 * es);
            w1.sub(w3).intoArray(v, at + 3 * es);
        }
    }

    /**
     * Y = Aᵀ M A for output channel o of a block: M[t] is {@code m[t][o*BLOCK + p]}; Y[i][j] goes to
     * {@code y[i*2 + j][p]}.
     */
    static void output(float[][] m, int o, float[][] y) {
        for (int p = 0; p < B; p += L) {
            int at = o * B + p;
            // Rows of Aᵀ M for each column j: s = m0 + m1 + m2, t = m1 - m2 - m3.
            FloatVector s0 = FloatVector.fromArray(S, m[0], at);
            FloatVector s1 = FloatVector.fromArray(S, m[1], at);
            FloatVector s2 = FloatVector.fromArray(S, m[2], at);
            FloatVector s3 = FloatVector.fromArray(S, m[3], at);
            FloatVector u0 = FloatVector.fromArray(S, m[4], at);
            FloatVector u1 = FloatVector.fromArray(S, m[5], at);
            FloatVector u2 = FloatVector.fromArray(S, m[6], at);
            FloatVector u3 = FloatVector.fromArray(S, m[7], at);
            FloatVector v0 = FloatVector.fromArray(S, m[8], at);
            FloatVector v1 = FloatVector.fromArray(S, m[9], at);
            FloatVector v2 = FloatVector.fromArray(S, m[10], at);
            FloatVector v3 = FloatVector.fromArray(S, m[11], at);
            FloatVector t0 = u0.sub(v0).sub(FloatVector.fromArray(S, m[12], at));
            FloatVector t1 = u1.sub(v1).sub(FloatVector.fromArray(S, m[13], at));
            FloatVector t2 = u2.sub(v2).sub(FloatVector.fromArray(S, m[14], at));
            FloatVector t3 = u3.sub(v3).sub(FloatVector.fromArray(S, m[15], at));
            s0 = s0.add(u0).add(v0);
            s1 = s1.add(u1).add(v1);
            s2 = s2.add(u2).add(v2);
            s3 = s3.add(u3).add(v3);
            s0.add(s1).add(s2).intoArray(y[0], p);
            s1.sub(s2).sub(s3).intoArray(y[1], p);
            t0.add(t1).add(t2).intoArray(y[2], p);
            t1.sub(t2).sub(t3).intoArray(y[3], p);
        }
    }
}
