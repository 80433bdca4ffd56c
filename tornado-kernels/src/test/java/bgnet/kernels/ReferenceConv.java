package bgnet.kernels;

/**
 * PyTorch's convolutions written from their definitions, in double, as test oracles. 3-D with a depth stride of 1;
 * a 2-D layer is the case depth 1, kernel depth 1, depth padding 0. Weights are in PyTorch's layouts:
 * [outC][inC][kd][k][k] for conv, [inC][outC][kd][k][k] for conv_transpose. Bias, activation and residual are
 * left to the caller.
 */
public final class ReferenceConv {
    private ReferenceConv() {
    }

    public static int convOut(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    public static int deconvOut(int in, int k, int stride, int pad, int outputPadding) {
        return (in - 1) * stride - 2 * pad + k + outputPadding;
    }

    /** Gather over an explicitly zero-padded copy of the input, read without bounds checks. */
    public static double[] conv(float[] x, int inC, int inD, int inH, int inW, float[] w, int outC,
                                int kd, int k, int stride, int padD, int pad) {
        int outD = convOut(inD, kd, 1, padD);
        int outH = convOut(inH, k, stride, pad);
        int outW = convOut(inW, k, stride, pad);
        int pd = inD + 2 * padD;
        int ph = inH + 2 * pad;
        int pw = inW + 2 * pad;
        double[] xp = new double[inC * pd * ph * pw];
        for (int c = 0; c < inC; c++) {
            for (int z = 0; z < inD; z++) {
                for (int y = 0; y < inH; y++) {
                    for (int xx = 0; xx < inW; xx++) {
                        xp[((c * pd + z + padD) * ph + y + pad) * pw + xx + pad] = x[((c * inD + z) * inH + y) * inW + xx];
                    }
                }
            }
        }
        double[] out = new double[outC * outD * outH * outW];
        for (int oc = 0; oc < outC; oc++) {
            for (int od = 0; od < outD; od++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double acc = 0;
                        for (int ic = 0; ic < inC; ic++) {
                            for (int a = 0; a < kd; a++) {
                                for (int ky = 0; ky < k; ky++) {
                                    for (int kx = 0; kx < k; kx++) {
                                        acc += xp[((ic * pd + od + a) * ph + oy * stride + ky) * pw + ox * stride + kx]
                                                * w[(((oc * inC + ic) * kd + a) * k + ky) * k + kx];
                                    }
                                }
                            }
                        }
                        out[((oc * outD + od) * outH + oy) * outW + ox] = acc;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Scatter: input element (z, y, x) adds through tap (a, ky, kx) to output (z - padD + a, y*s - pad + ky,
     * x*s - pad + kx); contributions outside the output are cropped. Output padding only enlarges H and W.
     */
    public static double[] deconv(float[] x, int inC, int inD, int inH, int inW, float[] w, int outC,
                                  int kd, int k, int stride, int padD, int pad, int outputPadding) {
        int outD = deconvOut(inD, kd, 1, padD, 0);
        int outH = deconvOut(inH, k, stride, pad, outputPadding);
        int outW = deconvOut(inW, k, stride, pad, outputPadding);
        double[] out = new double[outC * outD * outH * outW];
        for (int ic = 0; ic < inC; ic++) {
            for (int z = 0; z < inD; z++) {
                for (int y = 0; y < inH; y++) {
                    for (int xx = 0; xx < inW; xx++) {
                        double v = x[((ic * inD + z) * inH + y) * inW + xx];
                        for (int oc = 0; oc < outC; oc++) {
                            for (int a = 0; a < kd; a++) {
                                for (int ky = 0; ky < k; ky++) {
                                    for (int kx = 0; kx < k; kx++) {
                                        int od = z - padD + a;
                                        int oy = y * stride - pad + ky;
                                        int ox = xx * stride - pad + kx;
                                        if (od >= 0 && od < outD && oy >= 0 && oy < outH && ox >= 0 && ox < outW) {
                                            out[((oc * outD + od) * outH + oy) * outW + ox] +=
                                                    v * w[(((ic * outC + oc) * kd + a) * k + ky) * k + kx];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
