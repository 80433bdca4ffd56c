package bgnet.tornado.device;

import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat16;
import uk.ac.manchester.tornado.api.types.vectors.Float16;

import static bgnet.kernels.device.BlockedConvParams.ACT;
import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.C_OFFSETS;
import static bgnet.kernels.device.BlockedConvParams.C_TAPS;
import static bgnet.kernels.device.BlockedConvParams.C_WEIGHTS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCKS;
import static bgnet.kernels.device.BlockedConvParams.POS_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.outputIndex;

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
                float slope = Activation.slope(p[ACT]);
                int i0 = outputIndex(p, rec, q0 + 0);
                int i1 = outputIndex(p, rec, q0 + 1);
                int i2 = outputIndex(p, rec, q0 + 2);
                int i3 = outputIndex(p, rec, q0 + 3);
                int i4 = outputIndex(p, rec, q0 + 4);
                int i5 = outputIndex(p, rec, q0 + 5);
                int i6 = outputIndex(p, rec, q0 + 6);
                int i7 = outputIndex(p, rec, q0 + 7);
                Float16 bv = DeviceConvStores.bias16(bias, oc);
                Float16 a0b = Float16.add(a0, bv);
                Float16 a1b = Float16.add(a1, bv);
                Float16 a2b = Float16.add(a2, bv);
                Float16 a3b = Float16.add(a3, bv);
                Float16 a4b = Float16.add(a4, bv);
                Float16 a5b = Float16.add(a5, bv);
                Float16 a6b = Float16.add(a6, bv);
                Float16 a7b = Float16.add(a7, bv);
                DeviceConvStores.row8(out, p, oc, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(0), a1b.get(0), a2b.get(0), a3b.get(0), a4b.get(0), a5b.get(0), a6b.get(0), a7b.get(0));
                DeviceConvStores.row8(out, p, oc + 1, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(1), a1b.get(1), a2b.get(1), a3b.get(1), a4b.get(1), a5b.get(1), a6b.get(1), a7b.get(1));
                DeviceConvStores.row8(out, p, oc + 2, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(2), a1b.get(2), a2b.get(2), a3b.get(2), a4b.get(2), a5b.get(2), a6b.get(2), a7b.get(2));
                DeviceConvStores.row8(out, p, oc + 3, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(3), a1b.get(3), a2b.get(3), a3b.get(3), a4b.get(3), a5b.get(3), a6b.get(3), a7b.get(3));
                DeviceConvStores.row8(out, p, oc + 4, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(4), a1b.get(4), a2b.get(4), a3b.get(4), a4b.get(4), a5b.get(4), a6b.get(4), a7b.get(4));
                DeviceConvStores.row8(out, p, oc + 5, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(5), a1b.get(5), a2b.get(5), a3b.get(5), a4b.get(5), a5b.get(5), a6b.get(5), a7b.get(5));
                DeviceConvStores.row8(out, p, oc + 6, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(6), a1b.get(6), a2b.get(6), a3b.get(6), a4b.get(6), a5b.get(6), a6b.get(6), a7b.get(6));
                DeviceConvStores.row8(out, p, oc + 7, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(7), a1b.get(7), a2b.get(7), a3b.get(7), a4b.get(7), a5b.get(7), a6b.get(7), a7b.get(7));
                DeviceConvStores.row8(out, p, oc + 8, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(8), a1b.get(8), a2b.get(8), a3b.get(8), a4b.get(8), a5b.get(8), a6b.get(8), a7b.get(8));
                DeviceConvStores.row8(out, p, oc + 9, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(9), a1b.get(9), a2b.get(9), a3b.get(9), a4b.get(9), a5b.get(9), a6b.get(9), a7b.get(9));
                DeviceConvStores.row8(out, p, oc + 10, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(10), a1b.get(10), a2b.get(10), a3b.get(10), a4b.get(10), a5b.get(10), a6b.get(10), a7b.get(10));
                DeviceConvStores.row8(out, p, oc + 11, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(11), a1b.get(11), a2b.get(11), a3b.get(11), a4b.get(11), a5b.get(11), a6b.get(11), a7b.get(11));
                DeviceConvStores.row8(out, p, oc + 12, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(12), a1b.get(12), a2b.get(12), a3b.get(12), a4b.get(12), a5b.get(12), a6b.get(12), a7b.get(12));
                DeviceConvStores.row8(out, p, oc + 13, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(13), a1b.get(13), a2b.get(13), a3b.get(13), a4b.get(13), a5b.get(13), a6b.get(13), a7b.get(13));
                DeviceConvStores.row8(out, p, oc + 14, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(14), a1b.get(14), a2b.get(14), a3b.get(14), a4b.get(14), a5b.get(14), a6b.get(14), a7b.get(14));
                DeviceConvStores.row8(out, p, oc + 15, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(15), a1b.get(15), a2b.get(15), a3b.get(15), a4b.get(15), a5b.get(15), a6b.get(15), a7b.get(15));
                DeviceConvStores.addResidual(res, out, p, oc, 16, i0, i1, i2, i3, i4, i5, i6, i7);
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
                float slope = Activation.slope(p[ACT]);
                int i0 = outputIndex(p, rec, q0 + 0);
                int i1 = outputIndex(p, rec, q0 + 1);
                int i2 = outputIndex(p, rec, q0 + 2);
                int i3 = outputIndex(p, rec, q0 + 3);
                int i4 = outputIndex(p, rec, q0 + 4);
                int i5 = outputIndex(p, rec, q0 + 5);
                int i6 = outputIndex(p, rec, q0 + 6);
                int i7 = outputIndex(p, rec, q0 + 7);
                Float16 bv = DeviceConvStores.bias16(bias, oc);
                Float16 a0b = Float16.add(a0, bv);
                Float16 a1b = Float16.add(a1, bv);
                Float16 a2b = Float16.add(a2, bv);
                Float16 a3b = Float16.add(a3, bv);
                Float16 a4b = Float16.add(a4, bv);
                Float16 a5b = Float16.add(a5, bv);
                Float16 a6b = Float16.add(a6, bv);
                Float16 a7b = Float16.add(a7, bv);
                Float16 bw = DeviceConvStores.bias16(bias, oc + 16);
                Float16 b0b = Float16.add(b0, bw);
                Float16 b1b = Float16.add(b1, bw);
                Float16 b2b = Float16.add(b2, bw);
                Float16 b3b = Float16.add(b3, bw);
                Float16 b4b = Float16.add(b4, bw);
                Float16 b5b = Float16.add(b5, bw);
                Float16 b6b = Float16.add(b6, bw);
                Float16 b7b = Float16.add(b7, bw);
                DeviceConvStores.row8(out, p, oc, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(0), a1b.get(0), a2b.get(0), a3b.get(0), a4b.get(0), a5b.get(0), a6b.get(0), a7b.get(0));
                DeviceConvStores.row8(out, p, oc + 1, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(1), a1b.get(1), a2b.get(1), a3b.get(1), a4b.get(1), a5b.get(1), a6b.get(1), a7b.get(1));
                DeviceConvStores.row8(out, p, oc + 2, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(2), a1b.get(2), a2b.get(2), a3b.get(2), a4b.get(2), a5b.get(2), a6b.get(2), a7b.get(2));
                DeviceConvStores.row8(out, p, oc + 3, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(3), a1b.get(3), a2b.get(3), a3b.get(3), a4b.get(3), a5b.get(3), a6b.get(3), a7b.get(3));
                DeviceConvStores.row8(out, p, oc + 4, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(4), a1b.get(4), a2b.get(4), a3b.get(4), a4b.get(4), a5b.get(4), a6b.get(4), a7b.get(4));
                DeviceConvStores.row8(out, p, oc + 5, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(5), a1b.get(5), a2b.get(5), a3b.get(5), a4b.get(5), a5b.get(5), a6b.get(5), a7b.get(5));
                DeviceConvStores.row8(out, p, oc + 6, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(6), a1b.get(6), a2b.get(6), a3b.get(6), a4b.get(6), a5b.get(6), a6b.get(6), a7b.get(6));
                DeviceConvStores.row8(out, p, oc + 7, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(7), a1b.get(7), a2b.get(7), a3b.get(7), a4b.get(7), a5b.get(7), a6b.get(7), a7b.get(7));
                DeviceConvStores.row8(out, p, oc + 8, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(8), a1b.get(8), a2b.get(8), a3b.get(8), a4b.get(8), a5b.get(8), a6b.get(8), a7b.get(8));
                DeviceConvStores.row8(out, p, oc + 9, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(9), a1b.get(9), a2b.get(9), a3b.get(9), a4b.get(9), a5b.get(9), a6b.get(9), a7b.get(9));
                DeviceConvStores.row8(out, p, oc + 10, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(10), a1b.get(10), a2b.get(10), a3b.get(10), a4b.get(10), a5b.get(10), a6b.get(10), a7b.get(10));
                DeviceConvStores.row8(out, p, oc + 11, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(11), a1b.get(11), a2b.get(11), a3b.get(11), a4b.get(11), a5b.get(11), a6b.get(11), a7b.get(11));
                DeviceConvStores.row8(out, p, oc + 12, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(12), a1b.get(12), a2b.get(12), a3b.get(12), a4b.get(12), a5b.get(12), a6b.get(12), a7b.get(12));
                DeviceConvStores.row8(out, p, oc + 13, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(13), a1b.get(13), a2b.get(13), a3b.get(13), a4b.get(13), a5b.get(13), a6b.get(13), a7b.get(13));
                DeviceConvStores.row8(out, p, oc + 14, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(14), a1b.get(14), a2b.get(14), a3b.get(14), a4b.get(14), a5b.get(14), a6b.get(14), a7b.get(14));
                DeviceConvStores.row8(out, p, oc + 15, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        a0b.get(15), a1b.get(15), a2b.get(15), a3b.get(15), a4b.get(15), a5b.get(15), a6b.get(15), a7b.get(15));
                DeviceConvStores.row8(out, p, oc + 16, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(0), b1b.get(0), b2b.get(0), b3b.get(0), b4b.get(0), b5b.get(0), b6b.get(0), b7b.get(0));
                DeviceConvStores.row8(out, p, oc + 17, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(1), b1b.get(1), b2b.get(1), b3b.get(1), b4b.get(1), b5b.get(1), b6b.get(1), b7b.get(1));
                DeviceConvStores.row8(out, p, oc + 18, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(2), b1b.get(2), b2b.get(2), b3b.get(2), b4b.get(2), b5b.get(2), b6b.get(2), b7b.get(2));
                DeviceConvStores.row8(out, p, oc + 19, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(3), b1b.get(3), b2b.get(3), b3b.get(3), b4b.get(3), b5b.get(3), b6b.get(3), b7b.get(3));
                DeviceConvStores.row8(out, p, oc + 20, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(4), b1b.get(4), b2b.get(4), b3b.get(4), b4b.get(4), b5b.get(4), b6b.get(4), b7b.get(4));
                DeviceConvStores.row8(out, p, oc + 21, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(5), b1b.get(5), b2b.get(5), b3b.get(5), b4b.get(5), b5b.get(5), b6b.get(5), b7b.get(5));
                DeviceConvStores.row8(out, p, oc + 22, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(6), b1b.get(6), b2b.get(6), b3b.get(6), b4b.get(6), b5b.get(6), b6b.get(6), b7b.get(6));
                DeviceConvStores.row8(out, p, oc + 23, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(7), b1b.get(7), b2b.get(7), b3b.get(7), b4b.get(7), b5b.get(7), b6b.get(7), b7b.get(7));
                DeviceConvStores.row8(out, p, oc + 24, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(8), b1b.get(8), b2b.get(8), b3b.get(8), b4b.get(8), b5b.get(8), b6b.get(8), b7b.get(8));
                DeviceConvStores.row8(out, p, oc + 25, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(9), b1b.get(9), b2b.get(9), b3b.get(9), b4b.get(9), b5b.get(9), b6b.get(9), b7b.get(9));
                DeviceConvStores.row8(out, p, oc + 26, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(10), b1b.get(10), b2b.get(10), b3b.get(10), b4b.get(10), b5b.get(10), b6b.get(10), b7b.get(10));
                DeviceConvStores.row8(out, p, oc + 27, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(11), b1b.get(11), b2b.get(11), b3b.get(11), b4b.get(11), b5b.get(11), b6b.get(11), b7b.get(11));
                DeviceConvStores.row8(out, p, oc + 28, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(12), b1b.get(12), b2b.get(12), b3b.get(12), b4b.get(12), b5b.get(12), b6b.get(12), b7b.get(12));
                DeviceConvStores.row8(out, p, oc + 29, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(13), b1b.get(13), b2b.get(13), b3b.get(13), b4b.get(13), b5b.get(13), b6b.get(13), b7b.get(13));
                DeviceConvStores.row8(out, p, oc + 30, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(14), b1b.get(14), b2b.get(14), b3b.get(14), b4b.get(14), b5b.get(14), b6b.get(14), b7b.get(14));
                DeviceConvStores.row8(out, p, oc + 31, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(15), b1b.get(15), b2b.get(15), b3b.get(15), b4b.get(15), b5b.get(15), b6b.get(15), b7b.get(15));
                DeviceConvStores.addResidual(res, out, p, oc, 32, i0, i1, i2, i3, i4, i5, i6, i7);
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
