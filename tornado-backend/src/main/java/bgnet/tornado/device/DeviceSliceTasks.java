package bgnet.tornado.device;

import bgnet.kernels.BilateralSliceKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import static bgnet.kernels.BilateralSliceKernels.BINS;
import static bgnet.kernels.BilateralSliceKernels.GRID_H;
import static bgnet.kernels.BilateralSliceKernels.GRID_W;
import static bgnet.kernels.BilateralSliceKernels.H2;
import static bgnet.kernels.BilateralSliceKernels.PLANES;
import static bgnet.kernels.BilateralSliceKernels.W2;

/**
 * The device tier's slicing and regression ({@link BilateralSliceKernels#sliceRegress}) in two tasks, as the
 * JVM's fast path does it: {@link #slicePlanes} samples the 25 grid planes once per half-resolution pixel
 * into a scratch array laid out [plane][pixel]; {@link SliceRegressTasks} then runs the softmax and
 * regression over vectors of neighbouring pixels (contiguous loads, one vector exp per level). The
 * reference samples each plane twice per pixel instead (once for the softmax's shift, once for the sums),
 * to need no per-pixel array.
 */
public final class DeviceSliceTasks {
    private DeviceSliceTasks() {
    }

    /** Floats of scratch {@link #slicePlanes} writes for parameters {@code p}: one plane of sliced values per grid plane. */
    public static int slicedLength(int[] p) {
        return p[PLANES] * p[H2] * p[W2];
    }

    /**
     * sliced[a * n + i] = S[a] at pixel i (BilateralSliceKernels#sliceAt), one work-item per pixel, so that
     * neighbouring work-items write neighbouring floats. The eight trilinear taps (grid offsets and weights)
     * are worked out once per pixel, since they are the same for all planes, and each plane is then eight
     * loads and multiply-adds in the reference's order. A tap outside the grid gets weight 0 at offset 0
     * (always in bounds), which adds exactly the reference's 0.
     */
    public static void slicePlanes(FloatArray grid, FloatArray guide, FloatArray sliced, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            int planes = p[PLANES];
            int bins = p[BINS];
            int gh = p[GRID_H];
            int gw = p[GRID_W];
            int h2 = p[H2];
            int w2 = p[W2];
            int y = i / w2;
            int x = i - y * w2;
            float ix = BilateralSliceKernels.unnormalize(BilateralSliceKernels.normalized(x, w2), gw);
            float iy = BilateralSliceKernels.unnormalize(BilateralSliceKernels.normalized(y, h2), gh);
            float iz = BilateralSliceKernels.unnormalize(guide.get(i), bins);
            int x0 = BilateralSliceKernels.floorToInt(ix);
            int y0 = BilateralSliceKernels.floorToInt(iy);
            int z0 = BilateralSliceKernels.floorToInt(iz);
            float wx1 = ix - (float) x0;
            float wx0 = (float) (x0 + 1) - ix;
            float wy1 = iy - (float) y0;
            float wy0 = (float) (y0 + 1) - iy;
            float wz1 = iz - (float) z0;
            float wz0 = (float) (z0 + 1) - iz;
            int planeSize = gh * gw;
            int binStride = planes * planeSize;
            // PyTorch's tap order: t/b = z0/z1, n/s = y0/y1, w/e = x0/x1.
            int o0 = offset(z0, y0, x0, bins, gh, gw, binStride);
            int o1 = offset(z0, y0, x0 + 1, bins, gh, gw, binStride);
            int o2 = offset(z0, y0 + 1, x0, bins, gh, gw, binStride);
            int o3 = offset(z0, y0 + 1, x0 + 1, bins, gh, gw, binStride);
            int o4 = offset(z0 + 1, y0, x0, bins, gh, gw, binStride);
            int o5 = offset(z0 + 1, y0, x0 + 1, bins, gh, gw, binStride);
            int o6 = offset(z0 + 1, y0 + 1, x0, bins, gh, gw, binStride);
            int o7 = offset(z0 + 1, y0 + 1, x0 + 1, bins, gh, gw, binStride);
            float t0 = o0 < 0 ? 0f : wx0 * wy0 * wz0;
            float t1 = o1 < 0 ? 0f : wx1 * wy0 * wz0;
            float t2 = o2 < 0 ? 0f : wx0 * wy1 * wz0;
            float t3 = o3 < 0 ? 0f : wx1 * wy1 * wz0;
            float t4 = o4 < 0 ? 0f : wx0 * wy0 * wz1;
            float t5 = o5 < 0 ? 0f : wx1 * wy0 * wz1;
            float t6 = o6 < 0 ? 0f : wx0 * wy1 * wz1;
            float t7 = o7 < 0 ? 0f : wx1 * wy1 * wz1;
            int a0 = Math.max(o0, 0);
            int a1 = Math.max(o1, 0);
            int a2 = Math.max(o2, 0);
            int a3 = Math.max(o3, 0);
            int a4 = Math.max(o4, 0);
            int a5 = Math.max(o5, 0);
            int a6 = Math.max(o6, 0);
            int a7 = Math.max(o7, 0);
            for (int a = 0; a < planes; a++) {
                sliced.set(a * n + i, sample(grid, a * planeSize, a0, a1, a2, a3, a4, a5, a6, a7,
                        t0, t1, t2, t3, t4, t5, t6, t7));
            }
        }
    }

    /** One plane at the pixel: its eight taps in the reference's order. */
    public static float sample(FloatArray grid, int base, int a0, int a1, int a2, int a3, int a4, int a5, int a6,
                               int a7, float t0, float t1, float t2, float t3, float t4, float t5, float t6, float t7) {
        float v = 0f;
        v += grid.get(base + a0) * t0;
        v += grid.get(base + a1) * t1;
        v += grid.get(base + a2) * t2;
        v += grid.get(base + a3) * t3;
        v += grid.get(base + a4) * t4;
        v += grid.get(base + a5) * t5;
        v += grid.get(base + a6) * t6;
        v += grid.get(base + a7) * t7;
        return v;
    }

    /** Grid offset of tap (z, y, x) relative to a plane's start, or -1 outside the grid (zero padding). */
    public static int offset(int z, int y, int x, int bins, int gh, int gw, int binStride) {
        int o = -1;
        if (x >= 0 && x < gw && y >= 0 && y < gh && z >= 0 && z < bins) {
            o = z * binStride + y * gw + x;
        }
        return o;
    }
}
