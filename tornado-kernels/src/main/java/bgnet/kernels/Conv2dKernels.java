package bgnet.kernels;

/**
 * 2-D convolution and transposed convolution (NCHW, batch 1), one output element per call.
 * BatchNorm is folded into {@code w}/{@code bias} by the caller; the store applies the activation and
 * then adds the residual (act-then-add, as every BGNet block does). Inputs and outputs may live at an
 * offset inside a larger buffer, which is how concatenations are written in place.
 *
 * <p>Shapes travel in an {@code int[] p} laid out by {@link #params}: TornadoVM tasks take few arguments.
 */
public final class Conv2dKernels {
    public static final int IN_OFF = 0;
    public static final int IN_C = 1;
    public static final int IN_H = 2;
    public static final int IN_W = 3;
    public static final int OUT_OFF = 4;
    public static final int OUT_C = 5;
    public static final int OUT_H = 6;
    public static final int OUT_W = 7;
    public static final int KERNEL = 8;
    public static final int STRIDE = 9;
    public static final int PAD = 10;
    public static final int ACT = 11;
    /** Element offset of the residual in {@code res}, or -1 for none. */
    public static final int RES_OFF = 12;
    public static final int LENGTH = 13;

    private Conv2dKernels() {
    }

    public static int[] params(int inOff, int inC, int inH, int inW, int outOff, int outC, int outH, int outW,
                               int kernel, int stride, int pad, int act, int resOff) {
        return new int[] {inOff, inC, inH, inW, outOff, outC, outH, outW, kernel, stride, pad, act, resOff};
    }

    /** Number of output elements: the size of the parallel loop. */
    public static int size(int[] p) {
        return p[OUT_C] * p[OUT_H] * p[OUT_W];
    }

    /** Conv2d, weights [outC][inC][k][k]: output element {@code i} (flat index within the output tensor). */
    public static void conv2d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int i) {
        int outH = p[OUT_H];
        int outW = p[OUT_W];
        int plane = outH * outW;
        int oc = i / plane;
        int rest = i - oc * plane;
        int oy = rest / outW;
        int ox = rest - oy * outW;
        int inC = p[IN_C];
        int inH = p[IN_H];
        int inW = p[IN_W];
        int k = p[KERNEL];
        int stride = p[STRIDE];
        int pad = p[PAD];
        int inOff = p[IN_OFF];
        float acc = 0f;
        for (int ic = 0; ic < inC; ic++) {
            int inBase = inOff + ic * inH * inW;
            int wBase = (oc * inC + ic) * k * k;
            for (int ky = 0; ky < k; ky++) {
                int iy = oy * stride - pad + ky;
                if (iy >= 0 && iy < inH) {
                    for (int kx = 0; kx < k; kx++) {
                        int ix = ox * stride - pad + kx;
                        if (ix >= 0 && ix < inW) {
                            acc += in[inBase + iy * inW + ix] * w[wBase + ky * k + kx];
                        }
                    }
                }
            }
        }
        Epilogue.store(acc + bias[oc], p[ACT], res, p[RES_OFF], out, p[OUT_OFF], i);
    }

    /**
     * ConvTranspose2d, weights [inC][outC][k][k] (PyTorch's layout), no output padding:
     * output row oy receives input row iy through tap ky when {@code iy*stride - pad + ky == oy}.
     */
    public static void deconv2d(float[] in, float[] w, float[] bias, float[] res, float[] out, int[] p, int i) {
        int outC = p[OUT_C];
        int outH = p[OUT_H];
        int outW = p[OUT_W];
        int plane = outH * outW;
        int oc = i / plane;
        int rest = i - oc * plane;
        int oy = rest / outW;
        int ox = rest - oy * outW;
        int inC = p[IN_C];
        int inH = p[IN_H];
        int inW = p[IN_W];
        int k = p[KERNEL];
        int stride = p[STRIDE];
        int pad = p[PAD];
        int inOff = p[IN_OFF];
        float acc = 0f;
        for (int ic = 0; ic < inC; ic++) {
            int inBase = inOff + ic * inH * inW;
            int wBase = (ic * outC + oc) * k * k;
            for (int ky = 0; ky < k; ky++) {
                int ty = oy + pad - ky;
                int iy = ty / stride;
                if (ty >= 0 && iy * stride == ty && iy < inH) {
                    for (int kx = 0; kx < k; kx++) {
                        int tx = ox + pad - kx;
                        int ix = tx / stride;
                        if (tx >= 0 && ix * stride == tx && ix < inW) {
                            acc += in[inBase + iy * inW + ix] * w[wBase + ky * k + kx];
                        }
                    }
                }
            }
        }
        Epilogue.store(acc + bias[oc], p[ACT], res, p[RES_OFF], out, p[OUT_OFF], i);
    }
}
