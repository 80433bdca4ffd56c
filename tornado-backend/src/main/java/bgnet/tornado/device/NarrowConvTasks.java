package bgnet.tornado.device;

import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.vectors.Float8;

import static bgnet.kernels.device.BlockedConvParams.ACT;
import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASSES;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.C_OFFSETS;
import static bgnet.kernels.device.BlockedConvParams.C_TAPS;
import static bgnet.kernels.device.BlockedConvParams.C_WEIGHTS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCKS;
import static bgnet.kernels.device.BlockedConvParams.OUT_C;
import static bgnet.kernels.device.BlockedConvParams.OUT_OFF;
import static bgnet.kernels.device.BlockedConvParams.POS_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.RES_OFF;
import static bgnet.kernels.device.BlockedConvParams.VOLUME;
import static bgnet.kernels.device.BlockedConvParams.outputIndex;

/**
 * The blocked convolution for layers with one or two output channels (BGNet's guide 16→1, BGNet+'s
 * final 32→1), where a vector across output channels would be mostly padding: here the vector runs
 * across the {@link bgnet.kernels.device.BlockedConvParams#POS_BLOCK} positions of a work-item (eight
 * neighbouring staged floats, which the device compiler loads as one vector) and each work-item takes
 * one output channel, its weight per tap broadcast. Same staged input, offsets, weights (read as floats
 * from {@code packedWeights()}), parameters and summation order as the other blocked kernels.
 */
public final class NarrowConvTasks {
    private NarrowConvTasks() {
    }

    /** Items per class: one per output channel of the plan's padded blocks (those past outC do nothing). */
    public static int items(int[] p) {
        return p[CLASSES] * p[OC_BLOCKS] * OC_BLOCK;
    }

    /** Work-items (wi, item) over [0, workItems) x [0, classes * ocBlocks * 8): 8 positions of one channel. */
    public static void narrow(FloatArray staged, int[] offsets, FloatArray packed, FloatArray bias, FloatArray res,
                              FloatArray out, int[] p, int workItems, int items) {
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int item = 0; item < items; item++) {
                int perClass = p[OC_BLOCKS] * OC_BLOCK;
                int cls = item / perClass;
                int oc = item - cls * perClass;
                if (oc < p[OUT_C]) {
                    int rec = CLASS0 + cls * CLASS_FIELDS;
                    int taps = p[rec + C_TAPS];
                    int ob = p[rec + C_OFFSETS];
                    int w = p[rec + C_WEIGHTS] + (oc / OC_BLOCK) * taps * OC_BLOCK + oc % OC_BLOCK;
                    int q0 = wi * POS_BLOCK;
                    Float8 acc = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                    for (int j = 0; j < taps; j++) {
                        int s = offsets[ob + j] + q0;
                        float wj = packed.get(w + j * OC_BLOCK);
                        Float8 x = new Float8(staged.get(s), staged.get(s + 1), staged.get(s + 2), staged.get(s + 3),
                                staged.get(s + 4), staged.get(s + 5), staged.get(s + 6), staged.get(s + 7));
                        acc = Float8.add(acc, Float8.mult(x, new Float8(wj, wj, wj, wj, wj, wj, wj, wj)));
                    }
                    store(bias, res, out, p, rec, q0, oc, acc.get(0));
                    store(bias, res, out, p, rec, q0 + 1, oc, acc.get(1));
                    store(bias, res, out, p, rec, q0 + 2, oc, acc.get(2));
                    store(bias, res, out, p, rec, q0 + 3, oc, acc.get(3));
                    store(bias, res, out, p, rec, q0 + 4, oc, acc.get(4));
                    store(bias, res, out, p, rec, q0 + 5, oc, acc.get(5));
                    store(bias, res, out, p, rec, q0 + 6, oc, acc.get(6));
                    store(bias, res, out, p, rec, q0 + 7, oc, acc.get(7));
                }
            }
        }
    }

    /** {@code act(sum + bias) + residual} of channel oc at position q, where q is an output. */
    public static void store(FloatArray bias, FloatArray res, FloatArray out, int[] p, int rec, int q, int oc,
                             float sum) {
        int idx = outputIndex(p, rec, q);
        if (idx >= 0) {
            int i = oc * p[VOLUME] + idx;
            float v = Activation.apply(sum + bias.get(oc), p[ACT]);
            if (p[RES_OFF] >= 0) {
                v = v + res.get(p[RES_OFF] + i);
            }
            out.set(p[OUT_OFF] + i, v);
        }
    }
}
