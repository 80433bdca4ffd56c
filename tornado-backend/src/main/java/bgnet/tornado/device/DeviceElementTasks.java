package bgnet.tornado.device;

import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.vectors.Float16;

/**
 * The device tier's tasks for the ops around the convolutions, over TornadoVM's off-heap arrays. Each
 * takes the int parameters of the reference kernel it stands for (same layout, same index constants)
 * and computes what that kernel computes; the tests hold them equal on the JVM and on every device.
 * Correlation works on 16 columns at a time (one 16-wide vector per channel); the element-wise ones are
 * one work-item per output element.
 */
public final class DeviceElementTasks {
    private DeviceElementTasks() {
    }

    /** Columns per correlation work-item: one 16-wide vector. */
    public static final int CORRELATION_CHUNK = 16;

    /** Work-items of {@link #correlation} for parameters {@code p}: (group, row, chunk of 16 columns). */
    public static int correlationItems(int[] p) {
        return p[CostVolumeKernels.GROUPS] * p[CostVolumeKernels.H] * Math.ceilDiv(p[CostVolumeKernels.W], CORRELATION_CHUNK);
    }

    /**
     * {@link CostVolumeKernels#groupwiseCorrelation}: one work-item per 16 columns of one (group, row), over
     * {@link #correlationItems}, for every disparity in turn: the left chunk it reads stays in cache across
     * the disparities and the index math is done once. Where the chunk lies wholly at x >= d, each channel
     * is one 16-wide vector of each image (16 neighbouring floats, which the device compiler loads as one
     * vector), multiplied and summed in the reference's channel order and divided as it does; where it has
     * columns x < d (the first one or two chunks of a row) or runs past the row's end it goes element by element.
     */
    public static void correlation(FloatArray left, FloatArray right, FloatArray out, int[] p, int n) {
        for (@Parallel int item = 0; item < n; item++) {
            int h = p[CostVolumeKernels.H];
            int w = p[CostVolumeKernels.W];
            int disparities = p[CostVolumeKernels.DISPARITIES];
            int perGroup = p[CostVolumeKernels.CHANNELS] / p[CostVolumeKernels.GROUPS];
            int chunks = (w + CORRELATION_CHUNK - 1) / CORRELATION_CHUNK;
            int plane = h * w;
            int row = item / chunks;
            int x0 = (item - row * chunks) * CORRELATION_CHUNK;
            int g = row / h;
            int y = row - g * h;
            float scale = (float) perGroup;
            int first = g * perGroup * plane + y * w + x0;
            // Disparities d <= x0 of a whole chunk by vectors, the rest by elements: two loops one after the
            // other, since TornadoVM 5.2 misplaced the element loop of an if/else inside the disparity loop
            // (after the if/else, so that it also ran after the vector branch).
            int vectorEnd = x0 + CORRELATION_CHUNK <= w ? Math.min(x0 + 1, disparities) : 0;
            for (int d = 0; d < vectorEnd; d++) {
                Float16 sum = new Float16(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                for (int c = 0; c < perGroup; c++) {
                    int at = first + c * plane;
                    sum = Float16.add(sum, Float16.mult(load16(left, at), load16(right, at - d)));
                }
                store16(out, ((g * disparities + d) * h + y) * w + x0, Float16.div(sum, splat16(scale)));
            }
            for (int d = vectorEnd; d < disparities; d++) {
                correlationByElement(left, right, out, first, ((g * disparities + d) * h + y) * w + x0, w - x0, d - x0,
                        d, perGroup, plane);
            }
        }
    }

    /**
     * The chunk at disparity d element by element: its first {@code min(16, columns)} columns, those before
     * column {@code zeros} of the chunk (x < d) set to 0.
     */
    private static void correlationByElement(FloatArray left, FloatArray right, FloatArray out, int first, int dst,
                                             int columns, int zeros, int d, int perGroup, int plane) {
        float scale = (float) perGroup;
        int count = Math.min(CORRELATION_CHUNK, columns);
        for (int k = 0; k < count; k++) {
            float v = 0f;
            if (k >= zeros) {
                float sum = 0f;
                for (int c = 0; c < perGroup; c++) {
                    int at = first + c * plane + k;
                    sum += left.get(at) * right.get(at - d);
                }
                v = sum / scale;
            }
            out.set(dst + k, v);
        }
    }

    /** a[at .. at+15] as one vector (neighbouring loads the device compiler merges). */
    public static Float16 load16(FloatArray a, int at) {
        return new Float16(a.get(at), a.get(at + 1), a.get(at + 2), a.get(at + 3), a.get(at + 4), a.get(at + 5),
                a.get(at + 6), a.get(at + 7), a.get(at + 8), a.get(at + 9), a.get(at + 10), a.get(at + 11),
                a.get(at + 12), a.get(at + 13), a.get(at + 14), a.get(at + 15));
    }

    /** v into a[at .. at+15]. */
    public static void store16(FloatArray a, int at, Float16 v) {
        a.set(at, v.get(0));
        a.set(at + 1, v.get(1));
        a.set(at + 2, v.get(2));
        a.set(at + 3, v.get(3));
        a.set(at + 4, v.get(4));
        a.set(at + 5, v.get(5));
        a.set(at + 6, v.get(6));
        a.set(at + 7, v.get(7));
        a.set(at + 8, v.get(8));
        a.set(at + 9, v.get(9));
        a.set(at + 10, v.get(10));
        a.set(at + 11, v.get(11));
        a.set(at + 12, v.get(12));
        a.set(at + 13, v.get(13));
        a.set(at + 14, v.get(14));
        a.set(at + 15, v.get(15));
    }

    private static Float16 splat16(float x) {
        return new Float16(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x);
    }

    /** {@link ResampleKernels#bilinear}: PyTorch's align_corners=False resampling, values scaled first. */
    public static void bilinear(FloatArray in, FloatArray out, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            int inH = p[ResampleKernels.IN_H];
            int inW = p[ResampleKernels.IN_W];
            int outW = p[ResampleKernels.OUT_W];
            float step = (float) p[ResampleKernels.STEP_NUM] / (float) p[ResampleKernels.STEP_DEN];
            float scale = (float) p[ResampleKernels.VALUE_SCALE];
            int oy = i / outW;
            int ox = i - oy * outW;
            float sy = Math.max(step * ((float) oy + 0.5f) - 0.5f, 0f);
            float sx = Math.max(step * ((float) ox + 0.5f) - 0.5f, 0f);
            int y0 = (int) sy;
            int x0 = (int) sx;
            int y1 = y0 < inH - 1 ? y0 + 1 : y0;
            int x1 = x0 < inW - 1 ? x0 + 1 : x0;
            float ly1 = sy - (float) y0;
            float lx1 = sx - (float) x0;
            float top = (1f - lx1) * (in.get(y0 * inW + x0) * scale) + lx1 * (in.get(y0 * inW + x1) * scale);
            float bottom = (1f - lx1) * (in.get(y1 * inW + x0) * scale) + lx1 * (in.get(y1 * inW + x1) * scale);
            out.set(i, (1f - ly1) * top + ly1 * bottom);
        }
    }

    /** {@link RefinementKernels#warpDifference}: {@code cat(warp(right, disp) - left, left)}, truncated source column. */
    public static void warpDifference(FloatArray disp, FloatArray left, FloatArray right, FloatArray out, int[] p,
                                      int n) {
        for (@Parallel int i = 0; i < n; i++) {
            int w = p[RefinementKernels.W];
            int y = i / w;
            int x = i - y * w;
            float last = (float) (w - 1);
            float xr = (float) x - disp.get(i);
            float warped = 0f;
            if (xr >= 0f && xr <= last) {
                warped = right.get(y * w + (int) xr);
            }
            float l = left.get(i);
            out.set(i, warped - l);
            out.set(n + i, l);
        }
    }

    /** {@link RefinementKernels#reluAdd}: {@code relu(a + b)}. */
    public static void reluAdd(FloatArray a, FloatArray b, FloatArray out, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            float v = a.get(i) + b.get(i);
            out.set(i, v > 0f ? v : 0f);
        }
    }

    /** {@link TensorKernels#copy}: a run of channels into a concatenation buffer. */
    public static void copy(FloatArray src, FloatArray dst, int[] p, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            dst.set(p[TensorKernels.DST_OFF] + i, src.get(p[TensorKernels.SRC_OFF] + i));
        }
    }
}
