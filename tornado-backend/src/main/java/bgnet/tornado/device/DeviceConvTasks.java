package bgnet.tornado.device;

import bgnet.kernels.device.BlockedConvParams;
import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat8;
import uk.ac.manchester.tornado.api.types.vectors.Float8;

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
 * The device tier's convolution tasks, over TornadoVM's off-heap arrays. Dataflow of one convolution,
 * two launches:
 * <pre>
 *   in (NC(D)HW @inOff) --stage--> staged [inC][stride²][planes][rows+1][cols+1] (zero halo)
 *   staged, offsets, packed, bias, res --blocked--> out (NC(D)HW @outOff)
 * </pre>
 * Parameters and layouts are {@link BlockedConvParams}'s. {@code stage} writes one staged row per
 * work-item ({@link DeviceConvStores#stageRow}). {@code blocked} accumulates {@link BlockedConvParams#OC_BLOCK}
 * output channels × {@link BlockedConvParams#POS_BLOCK} positions per work-item with explicit 8-wide
 * vectors across output channels: a block's eight weights of one tap are one aligned {@link Float8}
 * ({@code packed[blk][j]}, stored as a {@link VectorFloat8}); each position is one accumulator vector.
 * <pre>
 *   for j in taps:  wv = packed8[(weights + ocb*taps)/8 + j]     one aligned 8-wide load
 *                   a_r += wv * staged[offsets[j] + q0 + r]      8 broadcasts, 8 vector multiply-adds
 *   out = act(a_r + bias), channel by channel; then + res        {@link DeviceConvStores#row8}
 * </pre>
 * PoCL compiles this to AVX vector multiplies and adds (it vectorises neither across work-items nor
 * within a scalar one). The tap loop is the task's own body: the root of TornadoVM's compilation has no
 * inlining limit. TornadoVM offers vector × vector operations only, so a broadcast is a Float8 of one
 * value. On the JVM the @Parallel loops run one after another, which is how the tests hold these
 * tasks equal to the reference kernels.
 */
public final class DeviceConvTasks {
    private DeviceConvTasks() {
    }

    /** One staged row per work-item, rows [0, n) ({@code n} may be padded to whole groups). */
    public static void stage(FloatArray in, FloatArray staged, int[] p, int n) {
        for (@Parallel int row = 0; row < n; row++) {
            DeviceConvStores.stageRow(in, staged, p, row);
        }
    }

    /** Work-items (wi, blk) over [0, workItems) × [0, blocks); its grid is {@code DeviceGrids.conv(...)}. */
    public static void blocked(FloatArray staged, int[] offsets, VectorFloat8 packed, FloatArray bias, FloatArray res,
                               FloatArray out, int[] p, int workItems, int blocks) {
        // The outer @Parallel loop is dimension 0: positions, so that neighbouring work-items read neighbouring data.
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int blk = 0; blk < blocks; blk++) {
                int ocBlocks = p[OC_BLOCKS];
                int cls = blk / ocBlocks;
                int ocb = blk - cls * ocBlocks;
                int rec = CLASS0 + cls * CLASS_FIELDS;
                int taps = p[rec + C_TAPS];
                int ob = p[rec + C_OFFSETS];
                int wb = p[rec + C_WEIGHTS] / OC_BLOCK + ocb * taps;
                int q0 = wi * POS_BLOCK;
                Float8 a0 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a1 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a2 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a3 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a4 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a5 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a6 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a7 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                for (int j = 0; j < taps; j++) {
                    int s = offsets[ob + j] + q0;
                    Float8 wv = packed.get(wb + j);
                    a0 = Float8.add(a0, Float8.mult(wv, splat(staged.get(s))));
                    a1 = Float8.add(a1, Float8.mult(wv, splat(staged.get(s + 1))));
                    a2 = Float8.add(a2, Float8.mult(wv, splat(staged.get(s + 2))));
                    a3 = Float8.add(a3, Float8.mult(wv, splat(staged.get(s + 3))));
                    a4 = Float8.add(a4, Float8.mult(wv, splat(staged.get(s + 4))));
                    a5 = Float8.add(a5, Float8.mult(wv, splat(staged.get(s + 5))));
                    a6 = Float8.add(a6, Float8.mult(wv, splat(staged.get(s + 6))));
                    a7 = Float8.add(a7, Float8.mult(wv, splat(staged.get(s + 7))));
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
                Float8 bv = DeviceConvStores.bias8(bias, oc);
                Float8 a0b = Float8.add(a0, bv);
                Float8 a1b = Float8.add(a1, bv);
                Float8 a2b = Float8.add(a2, bv);
                Float8 a3b = Float8.add(a3, bv);
                Float8 a4b = Float8.add(a4, bv);
                Float8 a5b = Float8.add(a5, bv);
                Float8 a6b = Float8.add(a6, bv);
                Float8 a7b = Float8.add(a7, bv);
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
                DeviceConvStores.addResidual(res, out, p, oc, 8, i0, i1, i2, i3, i4, i5, i6, i7);
            }
        }
    }

    /**
     * Two blocks (16 output channels) per work-item: work-items (wi, pair) over [0, workItems) ×
     * [0, blockPairs); each staged value, broadcast once, feeds two vector multiply-adds.
     */
    public static void blockedPairs(FloatArray staged, int[] offsets, VectorFloat8 packed, FloatArray bias,
                                    FloatArray res, FloatArray out, int[] p, int workItems, int pairs) {
        for (@Parallel int wi = 0; wi < workItems; wi++) {
            for (@Parallel int pair = 0; pair < pairs; pair++) {
                int ocBlocks = p[OC_BLOCKS];
                int half = ocBlocks / 2;
                int cls = pair / half;
                int ocb = 2 * (pair - cls * half);
                int rec = CLASS0 + cls * CLASS_FIELDS;
                int taps = p[rec + C_TAPS];
                int ob = p[rec + C_OFFSETS];
                int w0 = p[rec + C_WEIGHTS] / OC_BLOCK + ocb * taps;
                int q0 = wi * POS_BLOCK;
                Float8 a0 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b0 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a1 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b1 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a2 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b2 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a3 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b3 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a4 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b4 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a5 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b5 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a6 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b6 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 a7 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                Float8 b7 = new Float8(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
                for (int j = 0; j < taps; j++) {
                    int s = offsets[ob + j] + q0;
                    Float8 wa = packed.get(w0 + j);
                    Float8 wb = packed.get(w0 + taps + j);
                    Float8 v0 = splat(staged.get(s));
                    a0 = Float8.add(a0, Float8.mult(wa, v0));
                    b0 = Float8.add(b0, Float8.mult(wb, v0));
                    Float8 v1 = splat(staged.get(s + 1));
                    a1 = Float8.add(a1, Float8.mult(wa, v1));
                    b1 = Float8.add(b1, Float8.mult(wb, v1));
                    Float8 v2 = splat(staged.get(s + 2));
                    a2 = Float8.add(a2, Float8.mult(wa, v2));
                    b2 = Float8.add(b2, Float8.mult(wb, v2));
                    Float8 v3 = splat(staged.get(s + 3));
                    a3 = Float8.add(a3, Float8.mult(wa, v3));
                    b3 = Float8.add(b3, Float8.mult(wb, v3));
                    Float8 v4 = splat(staged.get(s + 4));
                    a4 = Float8.add(a4, Float8.mult(wa, v4));
                    b4 = Float8.add(b4, Float8.mult(wb, v4));
                    Float8 v5 = splat(staged.get(s + 5));
                    a5 = Float8.add(a5, Float8.mult(wa, v5));
                    b5 = Float8.add(b5, Float8.mult(wb, v5));
                    Float8 v6 = splat(staged.get(s + 6));
                    a6 = Float8.add(a6, Float8.mult(wa, v6));
                    b6 = Float8.add(b6, Float8.mult(wb, v6));
                    Float8 v7 = splat(staged.get(s + 7));
                    a7 = Float8.add(a7, Float8.mult(wa, v7));
                    b7 = Float8.add(b7, Float8.mult(wb, v7));
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
                Float8 bv = DeviceConvStores.bias8(bias, oc);
                Float8 a0b = Float8.add(a0, bv);
                Float8 a1b = Float8.add(a1, bv);
                Float8 a2b = Float8.add(a2, bv);
                Float8 a3b = Float8.add(a3, bv);
                Float8 a4b = Float8.add(a4, bv);
                Float8 a5b = Float8.add(a5, bv);
                Float8 a6b = Float8.add(a6, bv);
                Float8 a7b = Float8.add(a7, bv);
                Float8 bw = DeviceConvStores.bias8(bias, oc + 8);
                Float8 b0b = Float8.add(b0, bw);
                Float8 b1b = Float8.add(b1, bw);
                Float8 b2b = Float8.add(b2, bw);
                Float8 b3b = Float8.add(b3, bw);
                Float8 b4b = Float8.add(b4, bw);
                Float8 b5b = Float8.add(b5, bw);
                Float8 b6b = Float8.add(b6, bw);
                Float8 b7b = Float8.add(b7, bw);
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
                        b0b.get(0), b1b.get(0), b2b.get(0), b3b.get(0), b4b.get(0), b5b.get(0), b6b.get(0), b7b.get(0));
                DeviceConvStores.row8(out, p, oc + 9, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(1), b1b.get(1), b2b.get(1), b3b.get(1), b4b.get(1), b5b.get(1), b6b.get(1), b7b.get(1));
                DeviceConvStores.row8(out, p, oc + 10, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(2), b1b.get(2), b2b.get(2), b3b.get(2), b4b.get(2), b5b.get(2), b6b.get(2), b7b.get(2));
                DeviceConvStores.row8(out, p, oc + 11, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(3), b1b.get(3), b2b.get(3), b3b.get(3), b4b.get(3), b5b.get(3), b6b.get(3), b7b.get(3));
                DeviceConvStores.row8(out, p, oc + 12, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(4), b1b.get(4), b2b.get(4), b3b.get(4), b4b.get(4), b5b.get(4), b6b.get(4), b7b.get(4));
                DeviceConvStores.row8(out, p, oc + 13, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(5), b1b.get(5), b2b.get(5), b3b.get(5), b4b.get(5), b5b.get(5), b6b.get(5), b7b.get(5));
                DeviceConvStores.row8(out, p, oc + 14, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(6), b1b.get(6), b2b.get(6), b3b.get(6), b4b.get(6), b5b.get(6), b6b.get(6), b7b.get(6));
                DeviceConvStores.row8(out, p, oc + 15, i0, i1, i2, i3, i4, i5, i6, i7, slope,
                        b0b.get(7), b1b.get(7), b2b.get(7), b3b.get(7), b4b.get(7), b5b.get(7), b6b.get(7), b7b.get(7));
                DeviceConvStores.addResidual(res, out, p, oc, 16, i0, i1, i2, i3, i4, i5, i6, i7);
            }
        }
    }

    /** The repacked weights as 8-wide vectors, one per (class, block, tap): made once, at plan time. */
    public static VectorFloat8 vectors(float[] packed) {
        return new VectorFloat8(FloatArray.fromArray(packed));
    }

    private static Float8 splat(float x) {
        return new Float8(x, x, x, x, x, x, x, x);
    }
}
