package bgnet.model.backend.fast;

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
            classes(s, in, new float[s.inC() * s.outC() * s.taps()], new float[s.outC()]);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static StagedInput stagedInput(ConvShape s) {
        int zeroPlanes = s.padD() > 0 ? 1 : 0;
        return new StagedInput(s.inC(), s.inD(), s.inH(), s.inW(), s.transposed() ? 1 : s.stride(), zeroPlanes);
    }

    static List<TapClass> classes(ConvShape s, StagedInput in, float[] weight, float[] bias) {
        List<TapClass> classes = new ArrayList<>();
        if (!s.transposed()) {
            classes.add(convClass(s, in, weight, bias));
        } else {
            for (int py = 0; py < s.stride(); py++) {
                for (int px = 0; px < s.stride(); px++) {
                    classes.add(deconvClass(s, in, weight, bias, py, px));
                }
            }
        }
        return classes;
    }

    private static TapClass convClass(ConvShape s, StagedInput in, float[] weight, float[] bias) {
        int k = s.kernel();
        List<int[]> taps = new ArrayList<>();
        for (int kd = 0; kd < s.kernelD(); kd++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int offset = in.tapOffset(kd - s.padD(), ky - s.pad(), kx - s.pad());
                    taps.add(new int[] {offset, (kd * k + ky) * k + kx});
                }
            }
        }
        requireFits(s, in, s.outH(), s.outW());
        int perChannel = s.taps();
        return build(s, in, taps, 0, 0, 1, s.outH(), s.outW(), bias,
                (oc, ic, tap) -> weight[(oc * s.inC() + ic) * perChannel + tap]);
    }

    private static TapClass deconvClass(ConvShape s, StagedInput in, float[] weight, float[] bias, int py, int px) {
        int k = s.kernel();
        int st = s.stride();
        List<int[]> taps = new ArrayList<>();
        for (int kd = 0; kd < s.kernelD(); kd++) {
            for (int ky = 0; ky < k; ky++) {
                int ty = py + s.pad() - ky;
                if (Math.floorMod(ty, st) != 0) {
                    continue;
                }
                for (int kx = 0; kx < k; kx++) {
                    int tx = px + s.pad() - kx;
                    if (Math.floorMod(tx, st) == 0) {
                        int offset = in.tapOffset(s.padD() - kd, Math.floorDiv(ty, st), Math.floorDiv(tx, st));
                        taps.add(new int[] {offset, (kd * k + ky) * k + kx});
                    }
                }
            }
        }
        int rows = Math.ceilDiv(s.outH() - py, st);
        int cols = Math.ceilDiv(s.outW() - px, st);
        requireFits(s, in, rows, cols);
        int perChannel = s.taps();
        return build(s, in, taps, py, px, st, rows, cols, bias,
                (oc, ic, tap) -> weight[(ic * s.outC() + oc) * perChannel + tap]);
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
