package bgnet.tornado.device;

import bgnet.kernels.device.BlockedConvParams;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat8;
import uk.ac.manchester.tornado.api.types.vectors.Float8;

import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.C_OFFSETS;
import static bgnet.kernels.device.BlockedConvParams.C_TAPS;
import static bgnet.kernels.device.BlockedConvParams.C_WEIGHTS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCKS;
import static bgnet.kernels.device.BlockedConvParams.POS_BLOCK;

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
 *   out (raw) = lanes of a_r;  then act(out + bias) + res        {@link DeviceConvStores#finish}
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
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc, a0.getS0(), a0.getS1(), a0.getS2(), a0.getS3(),
                        a0.getS4(), a0.getS5(), a0.getS6(), a0.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc, a1.getS0(), a1.getS1(), a1.getS2(), a1.getS3(),
                        a1.getS4(), a1.getS5(), a1.getS6(), a1.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc, a2.getS0(), a2.getS1(), a2.getS2(), a2.getS3(),
                        a2.getS4(), a2.getS5(), a2.getS6(), a2.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc, a3.getS0(), a3.getS1(), a3.getS2(), a3.getS3(),
                        a3.getS4(), a3.getS5(), a3.getS6(), a3.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc, a4.getS0(), a4.getS1(), a4.getS2(), a4.getS3(),
                        a4.getS4(), a4.getS5(), a4.getS6(), a4.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc, a5.getS0(), a5.getS1(), a5.getS2(), a5.getS3(),
                        a5.getS4(), a5.getS5(), a5.getS6(), a5.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc, a6.getS0(), a6.getS1(), a6.getS2(), a6.getS3(),
                        a6.getS4(), a6.getS5(), a6.getS6(), a6.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc, a7.getS0(), a7.getS1(), a7.getS2(), a7.getS3(),
                        a7.getS4(), a7.getS5(), a7.getS6(), a7.getS7());
                DeviceConvStores.finish(bias, res, out, p, wi, blk);
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
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc, a0.getS0(), a0.getS1(), a0.getS2(),
                        a0.getS3(), a0.getS4(), a0.getS5(), a0.getS6(), a0.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc, a1.getS0(), a1.getS1(), a1.getS2(),
                        a1.getS3(), a1.getS4(), a1.getS5(), a1.getS6(), a1.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc, a2.getS0(), a2.getS1(), a2.getS2(),
                        a2.getS3(), a2.getS4(), a2.getS5(), a2.getS6(), a2.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc, a3.getS0(), a3.getS1(), a3.getS2(),
                        a3.getS3(), a3.getS4(), a3.getS5(), a3.getS6(), a3.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc, a4.getS0(), a4.getS1(), a4.getS2(),
                        a4.getS3(), a4.getS4(), a4.getS5(), a4.getS6(), a4.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc, a5.getS0(), a5.getS1(), a5.getS2(),
                        a5.getS3(), a5.getS4(), a5.getS5(), a5.getS6(), a5.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc, a6.getS0(), a6.getS1(), a6.getS2(),
                        a6.getS3(), a6.getS4(), a6.getS5(), a6.getS6(), a6.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc, a7.getS0(), a7.getS1(), a7.getS2(),
                        a7.getS3(), a7.getS4(), a7.getS5(), a7.getS6(), a7.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 0, oc + OC_BLOCK, b0.getS0(), b0.getS1(), b0.getS2(),
                        b0.getS3(), b0.getS4(), b0.getS5(), b0.getS6(), b0.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 1, oc + OC_BLOCK, b1.getS0(), b1.getS1(), b1.getS2(),
                        b1.getS3(), b1.getS4(), b1.getS5(), b1.getS6(), b1.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 2, oc + OC_BLOCK, b2.getS0(), b2.getS1(), b2.getS2(),
                        b2.getS3(), b2.getS4(), b2.getS5(), b2.getS6(), b2.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 3, oc + OC_BLOCK, b3.getS0(), b3.getS1(), b3.getS2(),
                        b3.getS3(), b3.getS4(), b3.getS5(), b3.getS6(), b3.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 4, oc + OC_BLOCK, b4.getS0(), b4.getS1(), b4.getS2(),
                        b4.getS3(), b4.getS4(), b4.getS5(), b4.getS6(), b4.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 5, oc + OC_BLOCK, b5.getS0(), b5.getS1(), b5.getS2(),
                        b5.getS3(), b5.getS4(), b5.getS5(), b5.getS6(), b5.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 6, oc + OC_BLOCK, b6.getS0(), b6.getS1(), b6.getS2(),
                        b6.getS3(), b6.getS4(), b6.getS5(), b6.getS6(), b6.getS7());
                DeviceConvStores.storeRaw(out, p, rec, q0 + 7, oc + OC_BLOCK, b7.getS0(), b7.getS1(), b7.getS2(),
                        b7.getS3(), b7.getS4(), b7.getS5(), b7.getS6(), b7.getS7());
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb);
                DeviceConvStores.finish(bias, res, out, p, wi, cls * ocBlocks + ocb + 1);
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
