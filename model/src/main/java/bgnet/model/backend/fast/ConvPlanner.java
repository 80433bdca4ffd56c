package bgnet.model.backend.fast;

import bgnet.kernels.device.ConvTaps;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a convolution into tap classes over its staged input. A strided convolution reads each stride
 * phase at offsets -1..1, so it has one class; a transposed one is split by output parity into
 * stride² ordinary convolutions (sub-pixel decomposition), each with only the taps that reach it.
 */
final class ConvPlanner {
    private ConvPlanner() {
    }

    /**
     * Whether the fast path can run this shape: every tap must reach at most one element past the
     * staged input's edges (padding ≤ 1 in effect) and the outputs must fit its grid.
     */
    static boolean supports(ConvShape s) {
        try {
            StagedInput in = stagedInput(s);
            int st = s.transposed() ? s.stride() : 1;
            for (int py = 0; py < st; py++) {
                for (int px = 0; px < st; px++) {
                    taps(s, in, py, px);
                    requireFits(s, in, rows(s, py), cols(s, px));
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static StagedInput stagedInput(ConvShape s) {
        int zeroPlanes = s.padD() > 0 ? 1 : 0;
        return new StagedInput(s.inC(), s.inD(), s.inH(), s.inW(), s.transposed() ? 1 : s.stride(), zeroPlanes);
    }

    /** One class for a convolution; stride² classes, one per output parity (py, px), for a transposed one. */
    static List<TapClass> classes(ConvShape s, StagedInput in, float[] weight, float[] bias) {
        List<TapClass> classes = new ArrayList<>();
        int st = s.transposed() ? s.stride() : 1;
        int perChannel = s.taps();
        WeightAt w = s.transposed()
                ? (oc, ic, tap) -> weight[(ic * s.outC() + oc) * perChannel + tap]
                : (oc, ic, tap) -> weight[(oc * s.inC() + ic) * perChannel + tap];
        for (int py = 0; py < st; py++) {
            for (int px = 0; px < st; px++) {
                List<int[]> taps = taps(s, in, py, px);
                requireFits(s, in, rows(s, py), cols(s, px));
                classes.add(build(s, in, taps, py, px, st, rows(s, py), cols(s, px), bias, w));
            }
        }
        return classes;
    }

    /** The taps reaching outputs of parity (py, px): see {@link ConvTaps#of}. */
    private static List<int[]> taps(ConvShape s, StagedInput in, int py, int px) {
        return ConvTaps.of(s.transposed(), s.kernel(), s.kernelD(), s.stride(), s.pad(), s.padD(), in.layout, py, px);
    }

    private static int rows(ConvShape s, int py) {
        return s.transposed() ? Math.ceilDiv(s.outH() - py, s.stride()) : s.outH();
    }

    private static int cols(ConvShape s, int px) {
        return s.transposed() ? Math.ceilDiv(s.outW() - px, s.stride()) : s.outW();
    }

    /** The output grid must fit the staged strides, or positions would alias. */
    private static void requireFits(ConvShape s, StagedInput in, int rows, int cols) {
        if (rows > in.phaseHeight || cols > in.phaseWidth || s.outD() != s.inD()) {
            throw new IllegalArgumentException("output grid " + rows + "x" + cols + " does not fit the staged input "
                    + in.phaseHeight + "x" + in.phaseWidth);
        }
    }

    @FunctionalInterface
    private interface WeightAt {
        float at(int oc, int ic, int tap);
    }

    private static TapClass build(ConvShape s, StagedInput in, List<int[]> taps, int py, int px, int step,
                                  int rows, int cols, float[] bias, WeightAt w) {
        int ob = ConvMicroKernel.OC_BLOCK;
        int blocks = Math.ceilDiv(s.outC(), ob);
        int n = s.inC() * taps.size();
        int[] offsets = new int[n];
        float[] packed = new float[blocks * n * ob];
        for (int ic = 0; ic < s.inC(); ic++) {
            for (int t = 0; t < taps.size(); t++) {
                int j = ic * taps.size() + t;
                offsets[j] = ic * in.channelStride + taps.get(t)[0];
                for (int oc = 0; oc < s.outC(); oc++) {
                    packed[((oc / ob) * n + j) * ob + oc % ob] = w.at(oc, ic, taps.get(t)[1]);
                }
            }
        }
        float[] paddedBias = new float[blocks * ob];
        System.arraycopy(bias, 0, paddedBias, 0, s.outC());
        int positions = (s.outD() - 1) * in.planeStride + (rows - 1) * in.rowStride + cols;
        return new TapClass(py, px, step, rows, cols, offsets, packed, paddedBias, positions);
    }
}
