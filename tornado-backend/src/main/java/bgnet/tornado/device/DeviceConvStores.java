package bgnet.tornado.device;

import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.vectors.Float16;
import uk.ac.manchester.tornado.api.types.vectors.Float8;

import static bgnet.kernels.device.BlockedConvParams.OUT_C;
import static bgnet.kernels.device.BlockedConvParams.OUT_OFF;
import static bgnet.kernels.device.BlockedConvParams.RES_OFF;
import static bgnet.kernels.device.BlockedConvParams.VOLUME;
import static bgnet.kernels.device.StageParams.DEPTH;
import static bgnet.kernels.device.StageParams.HEIGHT;
import static bgnet.kernels.device.StageParams.IN_OFF;
import static bgnet.kernels.device.StageParams.PHASE_HEIGHT;
import static bgnet.kernels.device.StageParams.ROWS;
import static bgnet.kernels.device.StageParams.ROWS_PER_PHASE;
import static bgnet.kernels.device.StageParams.ROW_STRIDE;
import static bgnet.kernels.device.StageParams.STRIDE;
import static bgnet.kernels.device.StageParams.WIDTH;
import static bgnet.kernels.device.StageParams.ZERO_PLANES;

/**
 * The memory ends of a device-tier convolution ({@link DeviceConvTasks}): staging its input row by row,
 * the blocked kernels' store, channel by channel. Small callees, so TornadoVM inlines them into the tasks.
 */
public final class DeviceConvStores {
    private DeviceConvStores() {
    }

    /**
     * Staged row {@code row}: its leading zero, the input row's elements of that column phase and zeros
     * to the end (see {@link bgnet.kernels.device.StageParams}). Rows past the end do nothing, so a launch
     * may be padded to whole work-groups (TornadoVM bounds a @Parallel loop that has a grid by the grid).
     */
    public static void stageRow(FloatArray in, FloatArray staged, int[] p, int row) {
        if (row < p[ROWS]) {
            int stride = p[STRIDE];
            int rowStride = p[ROW_STRIDE];
            int perPhase = p[ROWS_PER_PHASE];
            int planeRows = p[PHASE_HEIGHT] + 1;
            int phase = row / perPhase;
            int r = row - phase * perPhase;
            int c = phase / (stride * stride);
            int ph = phase - c * stride * stride;
            int py = ph / stride;
            int px = ph - py * stride;
            int plane = r / planeRows;
            int rr = r - plane * planeRows;
            int d = plane - p[ZERO_PLANES];
            int y = (rr - 1) * stride + py;
            int width = p[WIDTH];
            int base = row * rowStride;
            int count = 0;
            if (rr >= 1 && d >= 0 && d < p[DEPTH] && y < p[HEIGHT] && px < width) {
                count = (width - px + stride - 1) / stride;
            }
            int src = p[IN_OFF] + ((c * p[DEPTH] + d) * p[HEIGHT] + y) * width + px;
            staged.set(base, 0f);
            for (int xx = 0; xx < count; xx++) {
                staged.set(base + 1 + xx, in.get(src + xx * stride));
            }
            for (int col = count + 1; col < rowStride; col++) {
                staged.set(base + col, 0f);
            }
        }
    }

    /**
     * The store of the blocked kernels (8- and 16-wide), one channel {@code ch} of a work-item's eight positions:
     * {@code i0..i7} are the positions' output indices ({@link bgnet.kernels.device.BlockedConvParams#outputIndex},
     * -1 off the output) and {@code x0..x7} the raw sums plus bias. Where the channel and the position
     * exist, each gets the activation, as max(x, x * slope) ({@link Activation#slope}), and is stored;
     * {@link #addResidual} then adds the residual where the layer has one: {@code act(sum + bias) +
     * residual}, as {@link bgnet.kernels.Epilogue} defines it.
     * <p>
     * Channel by channel, so that a work-item fills each output cache line in one go: most layers'
     * channel planes are a multiple of 4 KiB apart, so a position's 16 or 32 channels fall in one L1 set
     * (12 ways), and the former stores of raw sums position by position missed there. With a second pass
     * reading them back for bias, activation and residual, and six index divisions per position, that
     * epilogue took about a third of a 16-wide convolution's time on PoCL (perf). Written out flat and without the residual:
     * TornadoVM refuses callees over 600 nodes and stops inlining into a kernel past a graph size.
     */
    public static void row8(FloatArray out, int[] p, int ch, int i0, int i1, int i2, int i3, int i4, int i5,
                            int i6, int i7, float slope, float x0, float x1, float x2, float x3, float x4, float x5, float x6, float x7) {
        if (ch < p[OUT_C]) {
            int at = p[OUT_OFF] + ch * p[VOLUME];
            if (i0 >= 0) {
                float y0 = x0 * slope;
                out.set(at + i0, x0 > y0 ? x0 : y0);
            }
            if (i1 >= 0) {
                float y1 = x1 * slope;
                out.set(at + i1, x1 > y1 ? x1 : y1);
            }
            if (i2 >= 0) {
                float y2 = x2 * slope;
                out.set(at + i2, x2 > y2 ? x2 : y2);
            }
            if (i3 >= 0) {
                float y3 = x3 * slope;
                out.set(at + i3, x3 > y3 ? x3 : y3);
            }
            if (i4 >= 0) {
                float y4 = x4 * slope;
                out.set(at + i4, x4 > y4 ? x4 : y4);
            }
            if (i5 >= 0) {
                float y5 = x5 * slope;
                out.set(at + i5, x5 > y5 ? x5 : y5);
            }
            if (i6 >= 0) {
                float y6 = x6 * slope;
                out.set(at + i6, x6 > y6 ? x6 : y6);
            }
            if (i7 >= 0) {
                float y7 = x7 * slope;
                out.set(at + i7, x7 > y7 ? x7 : y7);
            }
        }
    }

    /**
     * Adds the residual to channels oc..oc+channels-1 of a work-item's positions (output indices
     * {@code i0..i7}, -1 off the output) after {@link #row8} stored them, channel by channel. Nothing
     * where the layer has no residual.
     */
    public static void addResidual(FloatArray res, FloatArray out, int[] p, int oc, int channels,
                                   int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7) {
        int resOff = p[RES_OFF];
        if (resOff >= 0) {
            int volume = p[VOLUME];
            int outOff = p[OUT_OFF];
            int end = Math.min(p[OUT_C], oc + channels);
            for (int c = oc; c < end; c++) {
                int at = outOff + c * volume;
                int rat = resOff + c * volume;
                if (i0 >= 0) {
                    out.set(at + i0, out.get(at + i0) + res.get(rat + i0));
                }
                if (i1 >= 0) {
                    out.set(at + i1, out.get(at + i1) + res.get(rat + i1));
                }
                if (i2 >= 0) {
                    out.set(at + i2, out.get(at + i2) + res.get(rat + i2));
                }
                if (i3 >= 0) {
                    out.set(at + i3, out.get(at + i3) + res.get(rat + i3));
                }
                if (i4 >= 0) {
                    out.set(at + i4, out.get(at + i4) + res.get(rat + i4));
                }
                if (i5 >= 0) {
                    out.set(at + i5, out.get(at + i5) + res.get(rat + i5));
                }
                if (i6 >= 0) {
                    out.set(at + i6, out.get(at + i6) + res.get(rat + i6));
                }
                if (i7 >= 0) {
                    out.set(at + i7, out.get(at + i7) + res.get(rat + i7));
                }
            }
        }
    }

    /** Channels oc..oc+7 of a padded bias (a multiple of the work-item's channels long). */
    public static Float8 bias8(FloatArray bias, int oc) {
        return new Float8(bias.get(oc), bias.get(oc + 1), bias.get(oc + 2), bias.get(oc + 3), bias.get(oc + 4),
                bias.get(oc + 5), bias.get(oc + 6), bias.get(oc + 7));
    }

    /** Channels oc..oc+15 of a padded bias (a multiple of the work-item's channels long). */
    public static Float16 bias16(FloatArray bias, int oc) {
        return new Float16(bias.get(oc), bias.get(oc + 1), bias.get(oc + 2), bias.get(oc + 3), bias.get(oc + 4),
                bias.get(oc + 5), bias.get(oc + 6), bias.get(oc + 7), bias.get(oc + 8), bias.get(oc + 9),
                bias.get(oc + 10), bias.get(oc + 11), bias.get(oc + 12), bias.get(oc + 13), bias.get(oc + 14),
                bias.get(oc + 15));
    }
}
