package bgnet.tornado.device;

import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import static bgnet.kernels.device.BlockedConvParams.ACT;
import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCKS;
import static bgnet.kernels.device.BlockedConvParams.OUT_C;
import static bgnet.kernels.device.BlockedConvParams.OUT_OFF;
import static bgnet.kernels.device.BlockedConvParams.POS_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.RES_OFF;
import static bgnet.kernels.device.BlockedConvParams.VOLUME;
import static bgnet.kernels.device.BlockedConvParams.outputIndex;
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
 * storing raw sums, and the epilogue. Small callees, so TornadoVM inlines them into the tasks.
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

    /** Raw sums of channels oc..oc+7 at position q, where q is an output and the channels exist. */
    public static void storeRaw(FloatArray out, int[] p, int rec, int q, int oc, float a0, float a1, float a2,
                                float a3, float a4, float a5, float a6, float a7) {
        int idx = outputIndex(p, rec, q);
        if (idx >= 0) {
            int volume = p[VOLUME];
            int outC = p[OUT_C];
            int at = p[OUT_OFF] + oc * volume + idx;
            if (oc < outC) {
                out.set(at, a0);
            }
            if (oc + 1 < outC) {
                out.set(at + volume, a1);
            }
            if (oc + 2 < outC) {
                out.set(at + 2 * volume, a2);
            }
            if (oc + 3 < outC) {
                out.set(at + 3 * volume, a3);
            }
            if (oc + 4 < outC) {
                out.set(at + 4 * volume, a4);
            }
            if (oc + 5 < outC) {
                out.set(at + 5 * volume, a5);
            }
            if (oc + 6 < outC) {
                out.set(at + 6 * volume, a6);
            }
            if (oc + 7 < outC) {
                out.set(at + 7 * volume, a7);
            }
        }
    }

    /**
     * The reference kernels' store on the raw sums a work-item left: {@code act(sum + bias) + residual}
     * (activation first, then the residual, as {@link bgnet.kernels.Epilogue} defines it).
     */
    public static void finish(FloatArray bias, FloatArray res, FloatArray out, int[] p, int wi, int blk) {
        int ocBlocks = p[OC_BLOCKS];
        int cls = blk / ocBlocks;
        int ocb = blk - cls * ocBlocks;
        int rec = CLASS0 + cls * CLASS_FIELDS;
        int volume = p[VOLUME];
        int outOff = p[OUT_OFF];
        int resOff = p[RES_OFF];
        int act = p[ACT];
        int end = Math.min(p[OUT_C], (ocb + 1) * OC_BLOCK);
        for (int r = 0; r < POS_BLOCK; r++) {
            int idx = outputIndex(p, rec, wi * POS_BLOCK + r);
            if (idx >= 0) {
                for (int oc = ocb * OC_BLOCK; oc < end; oc++) {
                    int i = oc * volume + idx;
                    float v = Activation.apply(out.get(outOff + i) + bias.get(oc), act);
                    if (resOff >= 0) {
                        v = v + res.get(resOff + i);
                    }
                    out.set(outOff + i, v);
                }
            }
        }
    }
}
