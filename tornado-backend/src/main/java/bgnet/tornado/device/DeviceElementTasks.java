package bgnet.tornado.device;

import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * The device tier's tasks for the ops around the convolutions, over TornadoVM's off-heap arrays. Each
 * takes the int parameters of the reference kernel it stands for (same layout, same index constants)
 * and computes what that kernel computes; the tests hold them equal on the JVM and on every device.
 * Correlation works per output row (one decode per {@code w} outputs, the group's channels in the
 * inner loop over contiguous columns); the element-wise ones are one work-item per output element.
 */
public final class DeviceElementTasks {
    private DeviceElementTasks() {
    }

    /**
     * {@link CostVolumeKernels#groupwiseCorrelation}: one work-item per (group, disparity, row) over
     * {@code rows = groups * disparities * h}; columns x < d are 0.
     */
    public static void correlation(FloatArray left, FloatArray right, FloatArray out, int[] p, int rows) {
        for (@Parallel int row = 0; row < rows; row++) {
            int h = p[CostVolumeKernels.H];
            int w = p[CostVolumeKernels.W];
            int disparities = p[CostVolumeKernels.DISPARITIES];
            int perGroup = p[CostVolumeKernels.CHANNELS] / p[CostVolumeKernels.GROUPS];
            int plane = h * w;
            int gd = row / h;
            int y = row - gd * h;
            int g = gd / disparities;
            int d = gd - g * disparities;
            int dst = row * w;
            float scale = (float) perGroup;
            for (int x = 0; x < w; x++) {
                float v = 0f;
                if (x >= d) {
                    float sum = 0f;
                    for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                        int at = c * plane + y * w + x;
                        sum += left.get(at) * right.get(at - d);
                    }
                    v = sum / scale;
                }
                out.set(dst + x, v);
            }
        }
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
