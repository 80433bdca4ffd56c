package bgnet.model.backend.fast;

import bgnet.kernels.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A block's store, fused: bias, activation, then the residual add (the shared kernels' order), written
 * to the output runs of {@link OutputSegments}. Vectorised for unit-step runs and, with scatter stores,
 * for the step-2 runs of transposed layers; tanh (one 1-channel layer) goes element by element.
 */
final class ConvStore {
    private static final VectorSpecies<Float> S = ConvMicroKernel.SPECIES;
    private static final int L = ConvMicroKernel.LANES;
    /** Lane i of a step-2 run lands 2i elements after the run's start. */
    private static final int[] STEP2 = step2();
    /** Interleave two vectors: lanes from the second are indexed past the first's (L + i). */
    private static final VectorShuffle<Float> ZIP_LOW = zip(0);
    private static final VectorShuffle<Float> ZIP_HIGH = zip(L / 2);

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
        boolean vector = (step == 1 || step == 2) && act != Activation.TANH;
        for (int k = 0; k < seg.count; k++) {
            int t = tileOff + seg.tileStart[k];
            int o = outBase + seg.outStart[k];
            int r = resBase < 0 ? -1 : resBase + seg.outStart[k];
            int len = seg.length[k];
            if (vector && step == 1) {
                storeRun(tile, t, len, bias, act, res, r, out, o);
            } else if (vector) {
                storeStep2Run(tile, t, len, bias, act, res, r, out, o);
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

    /** Full vectors by scatter; the tail element by element (a masked scatter still range-checks every lane). */
    private static void storeStep2Run(float[] tile, int t, int len, float bias, int act, float[] res, int r,
                                      float[] out, int o) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector v = activate(FloatVector.fromArray(S, tile, t + i).add(bias), act);
            if (r >= 0) {
                v = v.add(FloatVector.fromArray(S, res, r + 2 * i, STEP2, 0));
            }
            v.intoArray(out, o + 2 * i, STEP2, 0);
        }
        for (; i < len; i++) {
            float v = Activation.apply(tile[t + i] + bias, act);
            if (r >= 0) {
                v += res[r + 2 * i];
            }
            out[o + 2 * i] = v;
        }
    }

    /** ReLU and LeakyReLU; callers send tanh through {@link Activation#apply} element by element. */
    private static FloatVector activate(FloatVector v, int act) {
        if (act == Activation.RELU) {
            return v.max(0f);
        } else if (act == Activation.LEAKY_RELU) {
            // max(v, 0.1v) is v for v > 0 and v*0.1 otherwise: the same floats as the shared kernel.
            return v.max(v.mul(0.1f));
        }
        return v;
    }

    /**
     * Stores even-column results from {@code even} and odd-column ones from {@code odd} (same runs)
     * interleaved: element i of a run goes to 2i and 2i+1, two whole vectors per vector of each.
     */
    static void storeInterleaved(float[] even, float[] odd, int tileOff, OutputSegments seg, float bias, int act,
                                 float[] res, int resBase, float[] out, int outBase) {
        for (int k = 0; k < seg.count; k++) {
            int t = tileOff + seg.tileStart[k];
            int o = outBase + seg.outStart[k];
            int r = resBase < 0 ? -1 : resBase + seg.outStart[k];
            int len = seg.length[k];
            int i = 0;
            // tanh has no vector form here: the whole run goes element by element.
            for (; i + L <= len && act != Activation.TANH; i += L) {
                FloatVector e = FloatVector.fromArray(S, even, t + i);
                FloatVector d = FloatVector.fromArray(S, odd, t + i);
                FloatVector lo = activate(e.rearrange(ZIP_LOW, d).add(bias), act);
                FloatVector hi = activate(e.rearrange(ZIP_HIGH, d).add(bias), act);
                if (r >= 0) {
                    lo = lo.add(FloatVector.fromArray(S, res, r + 2 * i));
                    hi = hi.add(FloatVector.fromArray(S, res, r + 2 * i + L));
                }
                lo.intoArray(out, o + 2 * i);
                hi.intoArray(out, o + 2 * i + L);
            }
            for (; i < len; i++) {
                float e = Activation.apply(even[t + i] + bias, act);
                float d = Activation.apply(odd[t + i] + bias, act);
                if (r >= 0) {
                    e += res[r + 2 * i];
                    d += res[r + 2 * i + 1];
                }
                out[o + 2 * i] = e;
                out[o + 2 * i + 1] = d;
            }
        }
    }

    private static VectorShuffle<Float> zip(int from) {
        int[] lanes = new int[L];
        for (int i = 0; i < L; i++) {
            lanes[i] = from + i / 2 + (i % 2 == 0 ? 0 : L);
        }
        return VectorShuffle.fromArray(S, lanes, 0);
    }

    private static int[] step2() {
        int[] map = new int[L];
        for (int i = 0; i < L; i++) {
            map[i] = 2 * i;
        }
        return map;
    }

    /** Whole vectors, then the tail element by element (masked accesses near an array's end are slow). */
    private static void storeRun(float[] tile, int t, int len, float bias, int act, float[] res, int r,
                                 float[] out, int o) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector v = activate(FloatVector.fromArray(S, tile, t + i).add(bias), act);
            if (r >= 0) {
                v = v.add(FloatVector.fromArray(S, res, r + i));
            }
            v.intoArray(out, o + i);
        }
        for (; i < len; i++) {
            float v = Activation.apply(tile[t + i] + bias, act);
            if (r >= 0) {
                v += res[r + i];
            }
            out[o + i] = v;
        }
    }
}
