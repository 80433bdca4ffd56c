package bgnet.tornado.device;

import bgnet.kernels.Activation;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.collections.VectorFloat16;
import uk.ac.manchester.tornado.api.types.vectors.Float16;

import static bgnet.kernels.device.WinogradPlan.ACT;
import static bgnet.kernels.device.WinogradPlan.CHANNEL_STRIDE;
import static bgnet.kernels.device.WinogradPlan.DEPTH_TAPS;
import static bgnet.kernels.device.WinogradPlan.OUT_H;
import static bgnet.kernels.device.WinogradPlan.PLANE_STRIDE;
import static bgnet.kernels.device.WinogradPlan.TILES_PLANE;
import static bgnet.kernels.device.WinogradPlan.IN_C;
import static bgnet.kernels.device.WinogradPlan.OC_BLOCK;
import static bgnet.kernels.device.WinogradPlan.OUT_C;
import static bgnet.kernels.device.WinogradPlan.OUT_OFF;
import static bgnet.kernels.device.WinogradPlan.OUT_W;
import static bgnet.kernels.device.WinogradPlan.RES_OFF;
import static bgnet.kernels.device.WinogradPlan.ROW_STRIDE;
import static bgnet.kernels.device.WinogradPlan.TILES;
import static bgnet.kernels.device.WinogradPlan.TILES_W;
import static bgnet.kernels.device.WinogradPlan.VOLUME;

/**
 * The device tier's 3x3 (and 3x3x3) stride-1 convolution by Winograd's F(2x2, 3x3) ({@link bgnet.kernels.device.Winograd},
 * planned by {@link bgnet.kernels.device.WinogradPlan}), over the input the blocked convolution's staging
 * task leaves. One work-item takes one 2x2 output tile and 16 output channels, fused end to end:
 * <pre>
 *   for each input channel (and depth tap, in 3-D):
 *                            d = its 4x4 input tile (16 loads, no bounds checks: the zero halo)
 *                            V = Bᵀ d B                       (32 scalar additions)
 *                            m_t += U[t] * V_t, t = 0..15     (16 aligned 16-wide weight loads,
 *                                                              16 broadcasts, 16 vector multiply-adds)
 *   Y = Aᵀ M A per channel lane; out = act(Y + bias) + res    (raw sums stored, then the epilogue)
 * </pre>
 * 16 accumulator vectors per work-item; 16 multiplies per 4 outputs instead of 36. The summation order
 * differs from the reference kernel's, so results differ by rounding (~1e-6 relative), as the JVM's
 * Winograd path does.
 *
 * <p>Not the default: on PoCL (AVX-512, 2 cores) it measured 2-3x slower than the direct 16-wide kernel
 * ({@code ConvFormsBench}: 32→32 3x3 at 192x640 77 ms against 29 ms; 128→128 at 48x160 56 against 20).
 * Each weight vector feeds one multiply-add (the direct kernel's feeds eight), the input tile's 16 loads
 * and 32 additions are paid per 16 multiply-adds, and PoCL contracts none of TornadoVM's separate
 * multiplies and adds into FMAs, so the 16 products live next to the 16 accumulators and spill. The
 * JVM's Winograd wins because it transforms a block of tiles into a cache-resident buffer first; the
 * device form of that needs work-group local memory and barriers ({@code KernelContext}).
 */
public final class WinogradTasks {
    private WinogradTasks() {
    }

    /** Work-items (tile, blk) over [0, tiles) (padded; the padding stores nothing) x [0, blocks of 16 channels). */
    public static void winograd(FloatArray staged, VectorFloat16 u, FloatArray bias, FloatArray res, FloatArray out,
                                int[] p, int tiles, int blocks) {
        for (@Parallel int tile = 0; tile < tiles; tile++) {
            for (@Parallel int blk = 0; blk < blocks; blk++) {
                int real = p[TILES];
                int t = Math.min(tile, real - 1);
                int tilesW = p[TILES_W];
                int perPlane = p[TILES_PLANE];
                int od = t / perPlane;
                int inPlane = t - od * perPlane;
                int a = inPlane / tilesW;
                int b = inPlane - a * tilesW;
                int rs = p[ROW_STRIDE];
                int cs = p[CHANNEL_STRIDE];
                int ps = p[PLANE_STRIDE];
                int depthTaps = p[DEPTH_TAPS];
                int k = p[IN_C] * depthTaps;
                int q = od * ps + 2 * a * rs + 2 * b;
                int ub = blk * k * 16;
                Float16 m0 = zero();
                Float16 m1 = zero();
                Float16 m2 = zero();
                Float16 m3 = zero();
                Float16 m4 = zero();
                Float16 m5 = zero();
                Float16 m6 = zero();
                Float16 m7 = zero();
                Float16 m8 = zero();
                Float16 m9 = zero();
                Float16 m10 = zero();
                Float16 m11 = zero();
                Float16 m12 = zero();
                Float16 m13 = zero();
                Float16 m14 = zero();
                Float16 m15 = zero();
                int inC = p[IN_C];
                for (int ic = 0; ic < inC; ic++) {
                    for (int kd = 0; kd < depthTaps; kd++) {
                        // Channel ic's depth tap kd: one staged plane further per tap.
                        int s = ic * cs + kd * ps + q;
                        int w = ub + (ic * depthTaps + kd) * 16;
                        float d00 = staged.get(s);
                        float d01 = staged.get(s + 1);
                        float d02 = staged.get(s + 2);
                        float d03 = staged.get(s + 3);
                        float d10 = staged.get(s + rs);
                        float d11 = staged.get(s + rs + 1);
                        float d12 = staged.get(s + rs + 2);
                        float d13 = staged.get(s + rs + 3);
                        float d20 = staged.get(s + 2 * rs);
                        float d21 = staged.get(s + 2 * rs + 1);
                        float d22 = staged.get(s + 2 * rs + 2);
                        float d23 = staged.get(s + 2 * rs + 3);
                        float d30 = staged.get(s + 3 * rs);
                        float d31 = staged.get(s + 3 * rs + 1);
                        float d32 = staged.get(s + 3 * rs + 2);
                        float d33 = staged.get(s + 3 * rs + 3);
                        // Bᵀ d: row i of the result from rows of d.
                        float r00 = d00 - d20;
                        float r10 = d10 + d20;
                        float r20 = d20 - d10;
                        float r30 = d10 - d30;
                        float r01 = d01 - d21;
                        float r11 = d11 + d21;
                        float r21 = d21 - d11;
                        float r31 = d11 - d31;
                        float r02 = d02 - d22;
                        float r12 = d12 + d22;
                        float r22 = d22 - d12;
                        float r32 = d12 - d32;
                        float r03 = d03 - d23;
                        float r13 = d13 + d23;
                        float r23 = d23 - d13;
                        float r33 = d13 - d33;
                        // (Bᵀ d) B, one product t = 4i + j at a time, straight into its accumulator.
                        m0 = Float16.add(m0, Float16.mult(u.get(w + 0), splat(r00 - r02)));
                        m1 = Float16.add(m1, Float16.mult(u.get(w + 1), splat(r01 + r02)));
                        m2 = Float16.add(m2, Float16.mult(u.get(w + 2), splat(r02 - r01)));
                        m3 = Float16.add(m3, Float16.mult(u.get(w + 3), splat(r01 - r03)));
                        m4 = Float16.add(m4, Float16.mult(u.get(w + 4), splat(r10 - r12)));
                        m5 = Float16.add(m5, Float16.mult(u.get(w + 5), splat(r11 + r12)));
                        m6 = Float16.add(m6, Float16.mult(u.get(w + 6), splat(r12 - r11)));
                        m7 = Float16.add(m7, Float16.mult(u.get(w + 7), splat(r11 - r13)));
                        m8 = Float16.add(m8, Float16.mult(u.get(w + 8), splat(r20 - r22)));
                        m9 = Float16.add(m9, Float16.mult(u.get(w + 9), splat(r21 + r22)));
                        m10 = Float16.add(m10, Float16.mult(u.get(w + 10), splat(r22 - r21)));
                        m11 = Float16.add(m11, Float16.mult(u.get(w + 11), splat(r21 - r23)));
                        m12 = Float16.add(m12, Float16.mult(u.get(w + 12), splat(r30 - r32)));
                        m13 = Float16.add(m13, Float16.mult(u.get(w + 13), splat(r31 + r32)));
                        m14 = Float16.add(m14, Float16.mult(u.get(w + 14), splat(r32 - r31)));
                        m15 = Float16.add(m15, Float16.mult(u.get(w + 15), splat(r31 - r33)));
                    }
                }
                // Aᵀ M A, lane-wise over the 16 channels: s_j = M0j + M1j + M2j, t_j = M1j - M2j - M3j.
                Float16 s0 = Float16.add(Float16.add(m0, m4), m8);
                Float16 t0 = Float16.sub(Float16.sub(m4, m8), m12);
                Float16 s1 = Float16.add(Float16.add(m1, m5), m9);
                Float16 t1 = Float16.sub(Float16.sub(m5, m9), m13);
                Float16 s2 = Float16.add(Float16.add(m2, m6), m10);
                Float16 t2 = Float16.sub(Float16.sub(m6, m10), m14);
                Float16 s3 = Float16.add(Float16.add(m3, m7), m11);
                Float16 t3 = Float16.sub(Float16.sub(m7, m11), m15);
                Float16 y00 = Float16.add(Float16.add(s0, s1), s2);
                Float16 y01 = Float16.sub(Float16.sub(s1, s2), s3);
                Float16 y10 = Float16.add(Float16.add(t0, t1), t2);
                Float16 y11 = Float16.sub(Float16.sub(t1, t2), t3);
                if (tile < real) {
                    int ow = p[OUT_W];
                    int idx = (od * p[OUT_H] + 2 * a) * ow + 2 * b;
                    int oc = blk * OC_BLOCK;
                    storeRaw(out, p, idx, oc + 0,
                            y00.get(0), y00.get(1), y00.get(2), y00.get(3), y00.get(4), y00.get(5), y00.get(6), y00.get(7));
                    storeRaw(out, p, idx, oc + 8,
                            y00.get(8), y00.get(9), y00.get(10), y00.get(11), y00.get(12), y00.get(13), y00.get(14), y00.get(15));
                    storeRaw(out, p, idx + 1, oc + 0,
                            y01.get(0), y01.get(1), y01.get(2), y01.get(3), y01.get(4), y01.get(5), y01.get(6), y01.get(7));
                    storeRaw(out, p, idx + 1, oc + 8,
                            y01.get(8), y01.get(9), y01.get(10), y01.get(11), y01.get(12), y01.get(13), y01.get(14), y01.get(15));
                    storeRaw(out, p, idx + ow, oc + 0,
                            y10.get(0), y10.get(1), y10.get(2), y10.get(3), y10.get(4), y10.get(5), y10.get(6), y10.get(7));
                    storeRaw(out, p, idx + ow, oc + 8,
                            y10.get(8), y10.get(9), y10.get(10), y10.get(11), y10.get(12), y10.get(13), y10.get(14), y10.get(15));
                    storeRaw(out, p, idx + ow + 1, oc + 0,
                            y11.get(0), y11.get(1), y11.get(2), y11.get(3), y11.get(4), y11.get(5), y11.get(6), y11.get(7));
                    storeRaw(out, p, idx + ow + 1, oc + 8,
                            y11.get(8), y11.get(9), y11.get(10), y11.get(11), y11.get(12), y11.get(13), y11.get(14), y11.get(15));
                    finish(bias, res, out, p, idx, oc);
                }
            }
        }
    }

    /** Raw sums of channels oc..oc+7 at output index idx (within a channel), where the channels exist. */
    public static void storeRaw(FloatArray out, int[] p, int idx, int oc, float v0, float v1, float v2, float v3,
                                float v4, float v5, float v6, float v7) {
        int volume = p[VOLUME];
        int outC = p[OUT_C];
        int at = p[OUT_OFF] + oc * volume + idx;
        if (oc < outC) {
            out.set(at, v0);
        }
        if (oc + 1 < outC) {
            out.set(at + volume, v1);
        }
        if (oc + 2 < outC) {
            out.set(at + 2 * volume, v2);
        }
        if (oc + 3 < outC) {
            out.set(at + 3 * volume, v3);
        }
        if (oc + 4 < outC) {
            out.set(at + 4 * volume, v4);
        }
        if (oc + 5 < outC) {
            out.set(at + 5 * volume, v5);
        }
        if (oc + 6 < outC) {
            out.set(at + 6 * volume, v6);
        }
        if (oc + 7 < outC) {
            out.set(at + 7 * volume, v7);
        }
    }

    /** The reference kernels' store on a tile's raw sums: {@code act(sum + bias) + residual}, 16 channels from oc. */
    public static void finish(FloatArray bias, FloatArray res, FloatArray out, int[] p, int idx, int oc0) {
        int volume = p[VOLUME];
        int ow = p[OUT_W];
        int outOff = p[OUT_OFF];
        int resOff = p[RES_OFF];
        int act = p[ACT];
        int end = Math.min(p[OUT_C], oc0 + OC_BLOCK);
        for (int k = 0; k < 4; k++) {
            int at = idx + (k / 2) * ow + (k - (k / 2) * 2);
            for (int oc = oc0; oc < end; oc++) {
                int i = oc * volume + at;
                float v = Activation.apply(out.get(outOff + i) + bias.get(oc), act);
                if (resOff >= 0) {
                    v = v + res.get(resOff + i);
                }
                out.set(outOff + i, v);
            }
        }
    }

    /** The transformed weights as 16-wide vectors, made once, at plan time. */
    public static VectorFloat16 vectors(float[] u) {
        return new VectorFloat16(FloatArray.fromArray(u));
    }

    private static Float16 zero() {
        return new Float16(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    private static Float16 splat(float x) {
        return new Float16(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x);
    }
}
