package bgnet.kernels;

/**
 * 3-D convolution and transposed convolution (NCDHW, batch 1, kernel k³), one output element per call.
 * The stride applies to height and width only, never to the disparity axis (BGNet's cbl3 / tb3 blocks).
 * Transposed convolution has output padding (0,1,1) implied by the output size in {@code p}.
 * Store: folded-BN bias, activation, then residual add — as in {@link Conv2dKernels}.
 */
public final class Conv3dKernels {
    public static final int IN_OFF = 0;
    public static final int IN_C = 1;
    public static final int IN_D = 2;
    public static final int IN_H = 3;
    public static final int IN_W = 4;
    public static final int OUT_OFF = 5;
    public static final int OUT_C = 6;
    public static final int OUT_D = 7;
    public static final int OUT_H = 8;
    public static final int OUT_W = 9;
    public static final int KERNEL = 10;
    /** Stride along H and W (the D stride is always 1). */
    public static final int STRIDE = 11;
    public static final int PAD = 12;
    public static final int ACT = 13;
    public static final int RES_OFF = 14;
    public static final int LENGTH = 15;

    private Conv3dKernels() {
    }

    public static int[] params(int inOff, int inC, int inD, int inH, int inW,
                               int outOff, int outC, int outD, int outH, int outW,
                               int kernel, int stride, int pad, int act, int resOff) {
        return new int[] {inOff, inC, inD, inH, inW, outOff, outC, outD, outH, outW, kernel, stride, pad, act, resOff};
    }

    public static int size(int[] p) {
        return p[OUT_C] * p[OUT_D] * p[OUT_H] * p[OUT_W];
    }

    /** Conv3d, weights [outC][inC][k][k][k]. */
    public static void conv3d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int i) {
        int outD = p[OUT_D];
        int outH = p[OUT_H];
        int outW = p[OUT_W];
        int hw = outH * outW;
        int vol = outD * hw;
        int oc = i / vol;
        int rest = i - oc * vol;
        int od = rest / hw;
        rest = rest - od * hw;
        int oy = rest / outW;
        int ox = rest - oy * outW;
        int inC = p[IN_C];
        int inD = p[IN_D];
        int inH = p[IN_H];
        int inW = p[IN_W];
        int k = p[KERNEL];
        int stride = p[STRIDE];
        int pad = p[PAD];
        int inOff = p[IN_OFF];
        int inPlane = inH * inW;
        float acc = 0f;
        for (int ic = 0; ic < inC; ic++) {
            int inBase = inOff + ic * inD * inPlane;
            int wBase = (oc * inC + ic) * k * k * k;
            for (int kd = 0; kd < k; kd++) {
                int id = od - pad + kd;
                if (id >= 0 && id < inD) {
                    for (int ky = 0; ky < k; ky++) {
                        int iy = oy * stride - pad + ky;
                        if (iy >= 0 && iy < inH) {
                            for (int kx = 0; kx < k; kx++) {
                                int ix = ox * stride - pad + kx;
                                if (ix >= 0 && ix < inW) {
                                    acc += in[inBase + id * inPlane + iy * inW + ix]
                                            * w[wBase + (kd * k + ky) * k + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        Epilogue.store(acc + bias[oc], p[ACT], res, p[RES_OFF], out, p[OUT_OFF], i);
    }

    /** ConvTranspose3d, weights [inC][outC][k][k][k], D stride 1, H/W stride {@code p[STRIDE]}. */
    public static void deconv3d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int i) {
        int outC = p[OUT_C];
        int outD = p[OUT_D];
        int outH = p[OUT_H];
        int outW = p[OUT_W];
        int hw = outH * outW;
        int vol = outD * hw;
        int oc = i / vol;
        int rest = i - oc * vol;
        int od = rest / hw;
        rest = rest - od * hw;
        int oy = rest / outW;
        int ox = rest - oy * outW;
        int inC = p[IN_C];
        int inD = p[IN_D];
        int inH = p[IN_H];
        int inW = p[IN_W];
        int k = p[KERNEL];
        int stride = p[STRIDE];
        int pad = p[PAD];
        int inOff = p[IN_OFF];
        int inPlane = inH * inW;
        float acc = 0f;
        for (int ic = 0; ic < inC; ic++) {
            int inBase = inOff + ic * inD * inPlane;
            int wBase = (ic * outC + oc) * k * k * k;
            for (int kd = 0; kd < k; kd++) {
                int id = od + pad - kd;
                if (id >= 0 && id < inD) {
                    for (int ky = 0; ky < k; ky++) {
                        int ty = oy + pad - ky;
                        int iy = ty / stride;
                        if (ty >= 0 && iy * stride == ty && iy < inH) {
                            for (int kx = 0; kx < k; kx++) {
                                int tx = ox + pad - kx;
                                int ix = tx / stride;
                                if (tx >= 0 && ix * stride == tx && ix < inW) {
                                    acc += in[inBase + id * inPlane + iy * inW + ix]
                                            * w[wBase + (kd * k + ky) * k + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        Epilogue.store(acc + bias[oc], p[ACT], res, p[RES_OFF], out, p[OUT_OFF], i);
    }
}
