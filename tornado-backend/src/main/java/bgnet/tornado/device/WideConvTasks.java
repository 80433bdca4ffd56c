package bgnet.tornado.device;

import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat16;
import uk.ac.manchester.tornado.api.types.vectors.Float16;

import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.C_OFFSETS;
import static bgnet.kernels.device.BlockedConvParams.C_TAPS;
import static bgnet.kernels.device.BlockedConvParams.C_WEIGHTS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCKS;
import static bgnet.kernels.device.BlockedConvParams.POS_BLOCK;

/**
 * The blocked convolution of {@link DeviceConvTasks} with 16-wide vectors, for devices whose preferred
 * float vector is 16 wide (AVX-512 CPUs): one {@link Float16} holds a tap's weights of 16 output
 * channels ({@code BlockedConvPlan.packedWeights16}, one aligned load), each of the
 * {@link bgnet.kernels.device.BlockedConvParams#POS_BLOCK} positions of a work-item one accumulator
 * vector per 16 channels. Same staged input, offsets, parameters, stores and summation order as the
 * 8-wide kernels.
 * <pre>
 *   wide      16 channels x 8 positions:  8 accumulators;  per tap 1 weight load,  8 broadcasts,  8 FMAs
 *   widePairs 32 channels x 8 positions: 16 accumulators;  per tap 2 weight loads, 8 broadcasts, 16 FMAs
 * </pre>
 * Dimension 1 counts items of 16 (or 32) channels per class: {@code plan.channelGroups(16 or 32)}.
 */
public final class WideConvTasks {
    private WideConvTasks() {
    }

    /** Work-items (wi, item) over [0, workItems) x [0, items): 16 output channels by 8 positions. */
    public static void wide(FloatArray staged, int[] offsets, VectorFloat16 packed, FloatArray bias,
            FloatArray res, FloatArray out, int[] p, int workItems, int items) {
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int item = 0; item < items; item++) {
                int perItem = 2;
                int ocBlocks = p[OC_BLOCKS];
                int perClass = ocBlocks / perItem;
                int cls = item / perClass;
                int ocb = perItem * (item - cls * perClass);
                int rec = CLASS0 + cls * CLASS_FIELDS;
                int taps = p[rec + C_TAPS];
                int ob = p[rec + C_OFFSETS];
                int w0 = p[rec + C_WEIGHTS] / (2 * OC_BLOCK) + (ocb / 2) * taps;
                int q0 = wi * POS_BLOCK;
                Float16 a0 = zero();
                Float16 a1 = zero();
                Float16 a2 = zero();
                Float16 a3 = zero();
                Float16 a4 = zero();
                Float16 a5 = zero();
                Float16 a6 = zero();
                Float16 a7 = zero();
                for (int j = 0; j < taps; j++) {
                    int s = offsets[ob + j] + q0;
                    Float16 wa = packed.get(w0 + j);
                    Float16 x0 = splat(staged.get(s + 0));
                    a0 = Float16.add(a0, Float16.mult(wa, x0));
                    Float16 x1 = splat(staged.get(s + 1));
                    a1 = Float16.add(a1, Float16.mult(wa, x1));
                    Float16 x2 = splat(staged.get(s + 2));
                    a2 = Float16.add(a2, Float16.mult(wa, x2));
                    Float16 x3 = splat(staged.get(s + 3));
                    a3 = Float16.add(a3, Float16.mult(wa, x3));
                    Float16 x4 = splat(staged.get(s + 4));
                    a4 = Float16.add(a4, Float16.mult(wa, x4));
                    Float16 x5 = splat(staged.get(s + 5));
                    a5 = Float16.add(a5, Float16.mult(wa, x5));
                    Float16 x6 = splat(staged.get(s + 6));
                    a6 = Float16.add(a6, Float16.mult(wa, x6));
                    Float16 x7 = splat(staged.get(s + 7));
                    a7 = Float16.add(a7, Float16.mult(wa, x7));
                }
                int oc = ocb * OC_BLOCK;
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 0,
                        a0.get(0), a0.get(1), a0.get(2), a0.get(3), a0.get(4), a0.get(5), a0.get(6), a0.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 0,
                        a1.get(0), a1.get(1), a1.get(2), a1.get(3), a1.get(4), a1.get(5), a1.get(6), a1.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 0,
                        a2.get(0), a2.get(1), a2.get(2), a2.get(3), a2.get(4), a2.get(5), a2.get(6), a2.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 0,
                        a3.get(0), a3.get(1), a3.get(2), a3.get(3), a3.get(4), a3.get(5), a3.get(6), a3.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 0,
                        a4.get(0), a4.get(1), a4.get(2), a4.get(3), a4.get(4), a4.get(5), a4.get(6), a4.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 0,
                        a5.get(0), a5.get(1), a5.get(2), a5.get(3), a5.get(4), a5.get(5), a5.get(6), a5.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 0,
                        a6.get(0), a6.get(1), a6.get(2), a6.get(3), a6.get(4), a6.get(5), a6.get(6), a6.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 0,
                        a7.get(0), a7.get(1), a7.get(2), a7.get(3), a7.get(4), a7.get(5), a7.get(6), a7.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 8,
                        a0.get(8), a0.get(9), a0.get(10), a0.get(11), a0.get(12), a0.get(13), a0.get(14), a0.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 8,
                        a1.get(8), a1.get(9), a1.get(10), a1.get(11), a1.get(12), a1.get(13), a1.get(14), a1.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 8,
                        a2.get(8), a2.get(9), a2.get(10), a2.get(11), a2.get(12), a2.get(13), a2.get(14), a2.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 8,
                        a3.get(8), a3.get(9), a3.get(10), a3.get(11), a3.get(12), a3.get(13), a3.get(14), a3.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 8,
                        a4.get(8), a4.get(9), a4.get(10), a4.get(11), a4.get(12), a4.get(13), a4.get(14), a4.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 8,
                        a5.get(8), a5.get(9), a5.get(10), a5.get(11), a5.get(12), a5.get(13), a5.get(14), a5.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 8,
                        a6.get(8), a6.get(9), a6.get(10), a6.get(11), a6.get(12), a6.get(13), a6.get(14), a6.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 8,
                        a7.get(8), a7.get(9), a7.get(10), a7.get(11), a7.get(12), a7.get(13), a7.get(14), a7.get(15));
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 0);
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 1);
            }
        }
    }

    /** Work-items (wi, item) over [0, workItems) x [0, items): 32 output channels by 8 positions. */
    public static void widePairs(FloatArray staged, int[] offsets, VectorFloat16 packed, FloatArray bias,
            FloatArray res, FloatArray out, int[] p, int workItems, int items) {
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int item = 0; item < items; item++) {
                int perItem = 4;
                int ocBlocks = p[OC_BLOCKS];
                int perClass = ocBlocks / perItem;
                int cls = item / perClass;
                int ocb = perItem * (item - cls * perClass);
                int rec = CLASS0 + cls * CLASS_FIELDS;
                int taps = p[rec + C_TAPS];
                int ob = p[rec + C_OFFSETS];
                int w0 = p[rec + C_WEIGHTS] / (2 * OC_BLOCK) + (ocb / 2) * taps;
                int q0 = wi * POS_BLOCK;
                Float16 a0 = zero();
                Float16 a1 = zero();
                Float16 a2 = zero();
                Float16 a3 = zero();
                Float16 a4 = zero();
                Float16 a5 = zero();
                Float16 a6 = zero();
                Float16 a7 = zero();
                Float16 b0 = zero();
                Float16 b1 = zero();
                Float16 b2 = zero();
                Float16 b3 = zero();
                Float16 b4 = zero();
                Float16 b5 = zero();
                Float16 b6 = zero();
                Float16 b7 = zero();
                for (int j = 0; j < taps; j++) {
                    int s = offsets[ob + j] + q0;
                    Float16 wa = packed.get(w0 + j);
                    Float16 wb = packed.get(w0 + 1 * taps + j);
                    Float16 x0 = splat(staged.get(s + 0));
                    a0 = Float16.add(a0, Float16.mult(wa, x0));
                    b0 = Float16.add(b0, Float16.mult(wb, x0));
                    Float16 x1 = splat(staged.get(s + 1));
                    a1 = Float16.add(a1, Float16.mult(wa, x1));
                    b1 = Float16.add(b1, Float16.mult(wb, x1));
                    Float16 x2 = splat(staged.get(s + 2));
                    a2 = Float16.add(a2, Float16.mult(wa, x2));
                    b2 = Float16.add(b2, Float16.mult(wb, x2));
                    Float16 x3 = splat(staged.get(s + 3));
                    a3 = Float16.add(a3, Float16.mult(wa, x3));
                    b3 = Float16.add(b3, Float16.mult(wb, x3));
                    Float16 x4 = splat(staged.get(s + 4));
                    a4 = Float16.add(a4, Float16.mult(wa, x4));
                    b4 = Float16.add(b4, Float16.mult(wb, x4));
                    Float16 x5 = splat(staged.get(s + 5));
                    a5 = Float16.add(a5, Float16.mult(wa, x5));
                    b5 = Float16.add(b5, Float16.mult(wb, x5));
                    Float16 x6 = splat(staged.get(s + 6));
                    a6 = Float16.add(a6, Float16.mult(wa, x6));
                    b6 = Float16.add(b6, Float16.mult(wb, x6));
                    Float16 x7 = splat(staged.get(s + 7));
                    a7 = Float16.add(a7, Float16.mult(wa, x7));
                    b7 = Float16.add(b7, Float16.mult(wb, x7));
                }
                int oc = ocb * OC_BLOCK;
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 0,
                        a0.get(0), a0.get(1), a0.get(2), a0.get(3), a0.get(4), a0.get(5), a0.get(6), a0.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 0,
                        a1.get(0), a1.get(1), a1.get(2), a1.get(3), a1.get(4), a1.get(5), a1.get(6), a1.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 0,
                        a2.get(0), a2.get(1), a2.get(2), a2.get(3), a2.get(4), a2.get(5), a2.get(6), a2.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 0,
                        a3.get(0), a3.get(1), a3.get(2), a3.get(3), a3.get(4), a3.get(5), a3.get(6), a3.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 0,
                        a4.get(0), a4.get(1), a4.get(2), a4.get(3), a4.get(4), a4.get(5), a4.get(6), a4.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 0,
                        a5.get(0), a5.get(1), a5.get(2), a5.get(3), a5.get(4), a5.get(5), a5.get(6), a5.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 0,
                        a6.get(0), a6.get(1), a6.get(2), a6.get(3), a6.get(4), a6.get(5), a6.get(6), a6.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 0,
                        a7.get(0), a7.get(1), a7.get(2), a7.get(3), a7.get(4), a7.get(5), a7.get(6), a7.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 8,
                        a0.get(8), a0.get(9), a0.get(10), a0.get(11), a0.get(12), a0.get(13), a0.get(14), a0.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 8,
                        a1.get(8), a1.get(9), a1.get(10), a1.get(11), a1.get(12), a1.get(13), a1.get(14), a1.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 8,
                        a2.get(8), a2.get(9), a2.get(10), a2.get(11), a2.get(12), a2.get(13), a2.get(14), a2.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 8,
                        a3.get(8), a3.get(9), a3.get(10), a3.get(11), a3.get(12), a3.get(13), a3.get(14), a3.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 8,
                        a4.get(8), a4.get(9), a4.get(10), a4.get(11), a4.get(12), a4.get(13), a4.get(14), a4.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 8,
                        a5.get(8), a5.get(9), a5.get(10), a5.get(11), a5.get(12), a5.get(13), a5.get(14), a5.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 8,
                        a6.get(8), a6.get(9), a6.get(10), a6.get(11), a6.get(12), a6.get(13), a6.get(14), a6.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 8,
                        a7.get(8), a7.get(9), a7.get(10), a7.get(11), a7.get(12), a7.get(13), a7.get(14), a7.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 16,
                        b0.get(0), b0.get(1), b0.get(2), b0.get(3), b0.get(4), b0.get(5), b0.get(6), b0.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 16,
                        b1.get(0), b1.get(1), b1.get(2), b1.get(3), b1.get(4), b1.get(5), b1.get(6), b1.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 16,
                        b2.get(0), b2.get(1), b2.get(2), b2.get(3), b2.get(4), b2.get(5), b2.get(6), b2.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 16,
                        b3.get(0), b3.get(1), b3.get(2), b3.get(3), b3.get(4), b3.get(5), b3.get(6), b3.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 16,
                        b4.get(0), b4.get(1), b4.get(2), b4.get(3), b4.get(4), b4.get(5), b4.get(6), b4.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 16,
                        b5.get(0), b5.get(1), b5.get(2), b5.get(3), b5.get(4), b5.get(5), b5.get(6), b5.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 16,
                        b6.get(0), b6.get(1), b6.get(2), b6.get(3), b6.get(4), b6.get(5), b6.get(6), b6.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 16,
                        b7.get(0), b7.get(1), b7.get(2), b7.get(3), b7.get(4), b7.get(5), b7.get(6), b7.get(7));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + 24,
                        b0.get(8), b0.get(9), b0.get(10), b0.get(11), b0.get(12), b0.get(13), b0.get(14), b0.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + 24,
                        b1.get(8), b1.get(9), b1.get(10), b1.get(11), b1.get(12), b1.get(13), b1.get(14), b1.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + 24,
                        b2.get(8), b2.get(9), b2.get(10), b2.get(11), b2.get(12), b2.get(13), b2.get(14), b2.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + 24,
                        b3.get(8), b3.get(9), b3.get(10), b3.get(11), b3.get(12), b3.get(13), b3.get(14), b3.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + 24,
                        b4.get(8), b4.get(9), b4.get(10), b4.get(11), b4.get(12), b4.get(13), b4.get(14), b4.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + 24,
                        b5.get(8), b5.get(9), b5.get(10), b5.get(11), b5.get(12), b5.get(13), b5.get(14), b5.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + 24,
                        b6.get(8), b6.get(9), b6.get(10), b6.get(11), b6.get(12), b6.get(13), b6.get(14), b6.get(15));
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + 24,
                        b7.get(8), b7.get(9), b7.get(10), b7.get(11), b7.get(12), b7.get(13), b7.get(14), b7.get(15));
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 0);
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 1);
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 2);
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 3);
            }
        }
    }

    /** The 16-wide repacked weights as vectors, made once, at plan time. */
    public static VectorFloat16 vectors(float[] packed16) {
        return new VectorFloat16(FloatArray.fromArray(packed16));
    }

    private static Float16 zero() {
        return new Float16(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    private static Float16 splat(float x) {
        return new Float16(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x);
    }
}
