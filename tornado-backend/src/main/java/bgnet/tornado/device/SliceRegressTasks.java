package bgnet.tornado.device;

import bgnet.kernels.BilateralSliceKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.math.TornadoMath;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.vectors.Float16;

import static bgnet.kernels.BilateralSliceKernels.CONFIDENCE;
import static bgnet.kernels.BilateralSliceKernels.H2;
import static bgnet.kernels.BilateralSliceKernels.LEVELS;
import static bgnet.kernels.BilateralSliceKernels.PLANES;
import static bgnet.kernels.BilateralSliceKernels.W2;

/**
 * The softmax and regression of {@link BilateralSliceKernels#regress} over the planes
 * {@link DeviceSliceTasks#slicePlanes} wrote, one work-item per 16 neighbouring pixels: each plane is one
 * contiguous 16-float load, each level one vector of costs, exponentials and sums, in the reference's level
 * order with the reference's shift (max(S, 0)). The last work-item of an image whose pixel count is not a
 * multiple of 16 repeats the last pixel in its spare lanes and stores only its own pixels. Where
 * {@code p[CONFIDENCE]} is 1 it also writes the largest softmax probability into {@code confidence}.
 */
public final class SliceRegressTasks {
    private SliceRegressTasks() {
    }

    /** Pixels per work-item of {@link #regress16}. */
    public static final int LANES = 16;

    /** Work-items of {@link #regress16} for parameters {@code p}. */
    public static int items16(int[] p) {
        return Math.ceilDiv(p[H2] * p[W2], LANES);
    }

    public static void regress16(FloatArray sliced, FloatArray half, FloatArray confidence, int[] p, int items) {
        for (@Parallel int item = 0; item < items; item++) {
            int n = p[H2] * p[W2];
            int planes = p[PLANES];
            int levels = p[LEVELS];
            int last = planes - 1;
            int i0 = item * LANES;
            boolean whole = i0 + LANES <= n;
            // The softmax's shift, max(S, 0): no level exceeds it (each is a blend of two planes; level 96 is 0).
            Float16 max = splat(0f);
            for (int a = 0; a < planes; a++) {
                max = Float16.max(max, load(sliced, a * n, i0, n, whole));
            }
            // Step k loads plane min(k, P-1) and, from k = 1, emits the four levels between planes k-1 and min(k, P-1).
            Float16 sum = splat(0f);
            Float16 weighted = splat(0f);
            Float16 peak = splat(0f);
            Float16 sa = splat(0f);
            for (int k = 0; k <= planes; k++) {
                int b = Math.min(k, last);
                Float16 sb = load(sliced, b * n, i0, n, whole);
                int a = k - 1;
                for (int q = 0; q < 4 && k > 0; q++) {
                    int j = 4 * a + q;
                    if (j < levels) {
                        float t = (float) j / 4f;
                        Float16 cost = Float16.add(Float16.mult(sa, (float) b - t), Float16.mult(sb, t - (float) a));
                        Float16 e = exp(Float16.sub(cost, max));
                        sum = Float16.add(sum, e);
                        weighted = Float16.add(weighted, Float16.mult(e, (float) j));
                        peak = Float16.max(peak, e);
                    }
                }
                sa = sb;
            }
            Float16 disparity = Float16.div(weighted, sum);
            if (whole) {
                DeviceElementTasks.store16(half, i0, disparity);
            } else {
                storeTail(half, i0, n, disparity);
            }
            if (p[CONFIDENCE] != 0) {
                Float16 probability = Float16.div(peak, sum);
                if (whole) {
                    DeviceElementTasks.store16(confidence, i0, probability);
                } else {
                    storeTail(confidence, i0, n, probability);
                }
            }
        }
    }

    /** e^v lane by lane, in float as the scalar kernels compute it. */
    public static Float16 exp(Float16 v) {
        return new Float16(TornadoMath.exp(v.get(0)), TornadoMath.exp(v.get(1)), TornadoMath.exp(v.get(2)),
                TornadoMath.exp(v.get(3)), TornadoMath.exp(v.get(4)), TornadoMath.exp(v.get(5)),
                TornadoMath.exp(v.get(6)), TornadoMath.exp(v.get(7)), TornadoMath.exp(v.get(8)),
                TornadoMath.exp(v.get(9)), TornadoMath.exp(v.get(10)), TornadoMath.exp(v.get(11)),
                TornadoMath.exp(v.get(12)), TornadoMath.exp(v.get(13)), TornadoMath.exp(v.get(14)),
                TornadoMath.exp(v.get(15)));
    }

    /** Pixels i0.. of the plane at {@code base}: one contiguous load, or for the last item the last pixel repeated. */
    private static Float16 load(FloatArray a, int base, int i0, int n, boolean whole) {
        Float16 v;
        if (whole) {
            v = DeviceElementTasks.load16(a, base + i0);
        } else {
            int end = base + n - 1;
            int at = base + i0;
            v = new Float16(a.get(Math.min(at, end)), a.get(Math.min(at + 1, end)), a.get(Math.min(at + 2, end)),
                    a.get(Math.min(at + 3, end)), a.get(Math.min(at + 4, end)), a.get(Math.min(at + 5, end)),
                    a.get(Math.min(at + 6, end)), a.get(Math.min(at + 7, end)), a.get(Math.min(at + 8, end)),
                    a.get(Math.min(at + 9, end)), a.get(Math.min(at + 10, end)), a.get(Math.min(at + 11, end)),
                    a.get(Math.min(at + 12, end)), a.get(Math.min(at + 13, end)), a.get(Math.min(at + 14, end)),
                    a.get(Math.min(at + 15, end)));
        }
        return v;
    }

    /** v into out[i0..], for the last item: only the lanes before n. */
    private static void storeTail(FloatArray out, int i0, int n, Float16 v) {
        {
            storeIf(out, i0, n, v.get(0));
            storeIf(out, i0 + 1, n, v.get(1));
            storeIf(out, i0 + 2, n, v.get(2));
            storeIf(out, i0 + 3, n, v.get(3));
            storeIf(out, i0 + 4, n, v.get(4));
            storeIf(out, i0 + 5, n, v.get(5));
            storeIf(out, i0 + 6, n, v.get(6));
            storeIf(out, i0 + 7, n, v.get(7));
            storeIf(out, i0 + 8, n, v.get(8));
            storeIf(out, i0 + 9, n, v.get(9));
            storeIf(out, i0 + 10, n, v.get(10));
            storeIf(out, i0 + 11, n, v.get(11));
            storeIf(out, i0 + 12, n, v.get(12));
            storeIf(out, i0 + 13, n, v.get(13));
            storeIf(out, i0 + 14, n, v.get(14));
            storeIf(out, i0 + 15, n, v.get(15));
        }
    }

    private static void storeIf(FloatArray out, int at, int n, float v) {
        if (at < n) {
            out.set(at, v);
        }
    }

    private static Float16 splat(float x) {
        return new Float16(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x);
    }
}
