package bgnet.model.backend.fast;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.model.backend.TensorArrays;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.network.SliceRegress;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BilateralSliceKernels#sliceRegress} a row at a time: the 25 sliced planes of a row are
 * sampled once each (the shared kernel samples them twice per pixel, to need no per-pixel array),
 * with the same float operations in the same order; then the 97-level softmax and regression run
 * across 16 pixels at once with an exp of plain vector arithmetic ({@link VectorExp}: the same bits in every JIT tier).
 * When the op has a confidence output, the same pass keeps each pixel's largest exponential and writes the
 * largest softmax probability beside the disparity; without one that work is not done.
 */
public final class FastSliceRegress implements FastOp {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int planes;
    private final int bins;
    private final int gh;
    private final int gw;
    private final int h2;
    private final int w2;
    private final int levels;

    private final float[] grid;
    private final float[] guide;
    private final float[] half;
    /** Null when the op has no confidence output. */
    private final float[] confidence;

    public FastSliceRegress(SliceRegress op, TensorArrays buffers) {
        this.planes = op.planes();
        this.bins = op.bins();
        this.gh = op.grid().h();
        this.gw = op.grid().w();
        this.h2 = op.half().h();
        this.w2 = op.half().w();
        this.levels = op.levels();
        this.grid = buffers.of(op.grid().tensor());
        this.guide = buffers.of(op.guide().tensor());
        this.half = buffers.of(op.half().tensor());
        this.confidence = op.confidence() == null ? null : buffers.of(op.confidence().tensor());
    }

    @Override
    public void run(float[] scratch, ParallelLoop loop) {
        loop.forRange(h2, (lo, hi) -> {
            float[] sliced = new float[planes * w2 + L];
            int[] idx = new int[8];
            float[] wt = new float[8];
            for (int y = lo; y < hi; y++) {
                sliceRow(grid, guide, y, sliced, idx, wt);
                if (confidence == null) {
                    regressRow(sliced, half, y * w2);
                } else {
                    regressRowWithConfidence(sliced, half, confidence, y * w2);
                }
            }
        });
    }

    /** sliced[a*w2 + x] = BilateralSliceKernels.sliceAt(grid, guide, p, a, y, x). */
    private void sliceRow(float[] grid, float[] guide, int y, float[] sliced, int[] idx, float[] wt) {
        float gy = (float) y / (float) (h2 - 1) * 2f - 1f;
        float iy = ((gy + 1f) * (float) gh - 1f) / 2f;
        int y0 = floorToInt(iy);
        float wy1 = iy - (float) y0;
        float wy0 = (float) (y0 + 1) - iy;
        int binStride = planes * gh * gw;
        int planeSize = gh * gw;
        for (int x = 0; x < w2; x++) {
            float gx = (float) x / (float) (w2 - 1) * 2f - 1f;
            float gz = guide[y * w2 + x];
            float ix = ((gx + 1f) * (float) gw - 1f) / 2f;
            float iz = ((gz + 1f) * (float) bins - 1f) / 2f;
            int x0 = floorToInt(ix);
            int z0 = floorToInt(iz);
            float wx1 = ix - (float) x0;
            float wx0 = (float) (x0 + 1) - ix;
            float wz1 = iz - (float) z0;
            float wz0 = (float) (z0 + 1) - iz;
            // The shared kernel's tap order: z0/z1 outer, then y0/y1, then x0/x1.
            tap(idx, wt, 0, binStride, z0, y0, x0, wx0 * wy0 * wz0);
            tap(idx, wt, 1, binStride, z0, y0, x0 + 1, wx1 * wy0 * wz0);
            tap(idx, wt, 2, binStride, z0, y0 + 1, x0, wx0 * wy1 * wz0);
            tap(idx, wt, 3, binStride, z0, y0 + 1, x0 + 1, wx1 * wy1 * wz0);
            tap(idx, wt, 4, binStride, z0 + 1, y0, x0, wx0 * wy0 * wz1);
            tap(idx, wt, 5, binStride, z0 + 1, y0, x0 + 1, wx1 * wy0 * wz1);
            tap(idx, wt, 6, binStride, z0 + 1, y0 + 1, x0, wx0 * wy1 * wz1);
            tap(idx, wt, 7, binStride, z0 + 1, y0 + 1, x0 + 1, wx1 * wy1 * wz1);
            for (int a = 0; a < planes; a++) {
                int base = a * planeSize;
                float v = 0f;
                for (int k = 0; k < 8; k++) {
                    v += grid[idx[k] + base] * wt[k];
                }
                sliced[a * w2 + x] = v;
            }
        }
    }

    /** A tap outside the grid gets index 0 and weight 0: it adds a zero, like the shared kernel's skipped tap. */
    private void tap(int[] idx, float[] wt, int k, int binStride, int z, int y, int x, float weight) {
        boolean inside = x >= 0 && x < gw && y >= 0 && y < gh && z >= 0 && z < bins;
        idx[k] = inside ? z * binStride + y * gw + x : 0;
        wt[k] = inside ? weight : 0f;
    }

    /** half[row + x]: softmax over the levels interpolated between sliced planes, then the expected level. */
    private void regressRow(float[] sliced, float[] half, int row) {
        int last = planes - 1;
        for (int x = 0; x < w2; x += L) {
            FloatVector max = FloatVector.zero(S);
            for (int a = 0; a < planes; a++) {
                max = max.max(FloatVector.fromArray(S, sliced, a * w2 + x));
            }
            FloatVector sum = FloatVector.zero(S);
            FloatVector weighted = FloatVector.zero(S);
            // Level j blends planes a = j/4 and b = min(a+1, last), as the shared kernel's nested loop does.
            for (int j = 0; j < Math.min(levels, 4 * planes); j++) {
                int a = j >> 2;
                int b = Math.min(a + 1, last);
                float t = (float) j / 4f;
                FloatVector sa = FloatVector.fromArray(S, sliced, a * w2 + x);
                FloatVector sb = FloatVector.fromArray(S, sliced, b * w2 + x);
                FloatVector cost = sa.mul((float) b - t).add(sb.mul(t - (float) a));
                FloatVector e = VectorExp.exp(cost.sub(max));
                sum = sum.add(e);
                weighted = weighted.add(e.mul((float) j));
            }
            store(weighted.div(sum), half, row, x);
        }
    }

    /**
     * {@link #regressRow}, also keeping the largest exponential: confidence[row + x] = max_j e_j / Σ e_j, the
     * largest softmax probability (the reference kernel's {@code peak / sum}). A second loop rather than a
     * flag in the first, so that the disparity-only pass does no extra work per level.
     */
    private void regressRowWithConfidence(float[] sliced, float[] half, float[] confidence, int row) {
        int last = planes - 1;
        for (int x = 0; x < w2; x += L) {
            FloatVector max = FloatVector.zero(S);
            for (int a = 0; a < planes; a++) {
                max = max.max(FloatVector.fromArray(S, sliced, a * w2 + x));
            }
            FloatVector sum = FloatVector.zero(S);
            FloatVector weighted = FloatVector.zero(S);
            FloatVector peak = FloatVector.zero(S);
            for (int j = 0; j < Math.min(levels, 4 * planes); j++) {
                int a = j >> 2;
                int b = Math.min(a + 1, last);
                float t = (float) j / 4f;
                FloatVector sa = FloatVector.fromArray(S, sliced, a * w2 + x);
                FloatVector sb = FloatVector.fromArray(S, sliced, b * w2 + x);
                FloatVector cost = sa.mul((float) b - t).add(sb.mul(t - (float) a));
                FloatVector e = VectorExp.exp(cost.sub(max));
                sum = sum.add(e);
                weighted = weighted.add(e.mul((float) j));
                peak = peak.max(e);
            }
            store(weighted.div(sum), half, row, x);
            store(peak.div(sum), confidence, row, x);
        }
    }

    /** Lanes x.. of a row; the row's tail lane by lane, since a masked store past the array's end would leave the fast path. */
    private void store(FloatVector v, float[] out, int row, int x) {
        if (x + L <= w2) {
            v.intoArray(out, row + x);
        } else {
            for (int i = 0; x + i < w2; i++) {
                out[row + x + i] = v.lane(i);
            }
        }
    }

    private static int floorToInt(float v) {
        int t = (int) v;
        return (float) t > v ? t - 1 : t;
    }
}
