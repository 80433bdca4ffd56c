package bgnet.model.backend.fast;

import bgnet.kernels.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * A block's store, fused: bias, activation, then the residual add (the shared kernels' order), written
 * to the output runs of {@link OutputSegments}. Vectorised for unit-step runs; transposed layers'
 * runs have step 2 and tanh has no vector form worth the trouble, so those go element by element.
 */
final class ConvStore {
    private static final VectorSpecies<Float> S = ConvMicroKernel.SPECIES;
    private static final int L = ConvMicroKernel.LANES;

    private ConvStore() {
    }

    /**
     * Stores output channel {@code oc} from {@code tile[tileOff..]}.
     *
     * @param outBase output index of channel oc's element 0 (offset included)
     * @param resBase residual index of channel oc's element 0, or -1 for none
     */
    static void store(float[] tile, int tileOff, OutputSegments seg, int step, float bias, int act,
                      float[] res, int resBase, float[] out, int outBase) {
        boolean vector = step == 1 && act != Activation.TANH;
        for (int k = 0; k < seg.count; k++) {
            int t = tileOff + seg.tileStart[k];
            int o = outBase + seg.outStart[k];
            int r = resBase < 0 ? -1 : resBase + seg.outStart[k];
            int len = seg.length[k];
            if (vector) {
                storeRun(tile, t, len, bias, act, res, r, out, o);
            } else {
                for (int i = 0; i < len; i++) {
                    float v = Activation.apply(tile[t + i] + bias, act);
                    if (r >= 0) {
                        v += res[r + i * step];
                    }
                    out[o + i * step] = v;
                }
            }
        }
    }

    private static void storeRun(float[] tile, int t, int len, float bias, int act, float[] res, int r,
                                 float[] out, int o) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = S.indexInRange(i, len);
            FloatVector v = FloatVector.fromArray(S, tile, t + i, m).add(bias);
            if (act == Activation.RELU) {
                v = v.max(0f);
            } else if (act == Activation.LEAKY_RELU) {
                // max(v, 0.1v) is v for v > 0 and v*0.1 otherwise: the same floats as the shared kernel.
                v = v.max(v.mul(0.1f));
            }
            if (r >= 0) {
                v = v.add(FloatVector.fromArray(S, res, r + i, m));
            }
            v.intoArray(out, o + i, m);
        }
    }
}
