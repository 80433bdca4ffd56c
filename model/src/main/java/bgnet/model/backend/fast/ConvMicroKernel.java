package bgnet.model.backend.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of every fast convolution: 4 output channels × 4 vectors of consecutive positions
 * (16 accumulators held in registers), accumulated over all (input channel, tap) pairs with one
 * broadcast weight per channel and one unaligned load per vector. Each loaded input vector feeds 4
 * FMAs and each weight 4, which keeps the loop FMA-bound rather than load-bound.
 */
final class ConvMicroKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Output channels per block. */
    static final int OC_BLOCK = 4;
    /** Positions per block. */
    static final int BLOCK = 4 * LANES;

    private ConvMicroKernel() {
    }

    /**
     * tile[o*BLOCK + i] = sum over j of in[q0 + offsets[j] + i] * w[wBase + j*OC_BLOCK + o], for o < 4, i < BLOCK,
     * summed in j order.
     */
    static void block(float[] in, int q0, int[] offsets, float[] w, int wBase, float[] tile) {
        final int l = LANES;
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a32 = a00;
        FloatVector a33 = a00;
        int wi = wBase;
        for (int j = 0; j < offsets.length; j++) {
            int o = q0 + offsets[j];
            FloatVector x0 = FloatVector.fromArray(SPECIES, in, o);
            FloatVector x1 = FloatVector.fromArray(SPECIES, in, o + l);
            FloatVector x2 = FloatVector.fromArray(SPECIES, in, o + 2 * l);
            FloatVector x3 = FloatVector.fromArray(SPECIES, in, o + 3 * l);
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wi]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wi + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wi + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            a23 = x3.fma(w2, a23);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wi + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            a33 = x3.fma(w3, a33);
            wi += OC_BLOCK;
        }
        final int b = BLOCK;
        a00.intoArray(tile, 0);
        a01.intoArray(tile, l);
        a02.intoArray(tile, 2 * l);
        a03.intoArray(tile, 3 * l);
        a10.intoArray(tile, b);
        a11.intoArray(tile, b + l);
        a12.intoArray(tile, b + 2 * l);
        a13.intoArray(tile, b + 3 * l);
        a20.intoArray(tile, 2 * b);
        a21.intoArray(tile, 2 * b + l);
        a22.intoArray(tile, 2 * b + 2 * l);
        a23.intoArray(tile, 2 * b + 3 * l);
        a30.intoArray(tile, 3 * b);
        a31.intoArray(tile, 3 * b + l);
        a32.intoArray(tile, 3 * b + 2 * l);
        a33.intoArray(tile, 3 * b + 3 * l);
    }
}
