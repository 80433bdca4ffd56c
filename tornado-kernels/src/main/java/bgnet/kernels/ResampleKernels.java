package bgnet.kernels;

/**
 * Bilinear resampling of single-channel maps with PyTorch's {@code interpolate(mode='bilinear',
 * align_corners=False, scale_factor=s)}: source coordinate {@code max((dst + 0.5) / s - 0.5, 0)}.
 * With s = 2 this is the final disparity upsampling; with s = 1/2 it is exactly a 2×2 box average
 * (BGNet+'s half-resolution images). Values are multiplied by {@code VALUE_SCALE} before blending
 * (the ×2 that turns half-resolution disparities into full-resolution ones).
 */
public final class ResampleKernels {
    public static final int IN_H = 0;
    public static final int IN_W = 1;
    public static final int OUT_H = 2;
    public static final int OUT_W = 3;
    /** Source step per output pixel = 1/s as the ratio NUM/DEN (1/2 for ×2 up, 2/1 for ×0.5 down). */
    public static final int STEP_NUM = 4;
    public static final int STEP_DEN = 5;
    public static final int VALUE_SCALE = 6;
    public static final int LENGTH = 7;

    private ResampleKernels() {
    }

    public static int[] params(int inH, int inW, int outH, int outW, int stepNum, int stepDen, int valueScale) {
        return new int[] {inH, inW, outH, outW, stepNum, stepDen, valueScale};
    }

    public static int size(int[] p) {
        return p[OUT_H] * p[OUT_W];
    }

    public static void bilinear(float[] in, float[] out, int[] p, int i) {
        int inH = p[IN_H];
        int inW = p[IN_W];
        int outW = p[OUT_W];
        float step = (float) p[STEP_NUM] / (float) p[STEP_DEN];
        float scale = (float) p[VALUE_SCALE];
        int oy = i / outW;
        int ox = i - oy * outW;
        float sy = source(step, oy);
        float sx = source(step, ox);
        int y0 = (int) sy;
        int x0 = (int) sx;
        int y1 = y0 < inH - 1 ? y0 + 1 : y0;
        int x1 = x0 < inW - 1 ? x0 + 1 : x0;
        float ly1 = sy - (float) y0;
        float ly0 = 1f - ly1;
        float lx1 = sx - (float) x0;
        float lx0 = 1f - lx1;
        float a = in[y0 * inW + x0] * scale;
        float b = in[y0 * inW + x1] * scale;
        float c = in[y1 * inW + x0] * scale;
        float d = in[y1 * inW + x1] * scale;
        out[i] = ly0 * (lx0 * a + lx1 * b) + ly1 * (lx0 * c + lx1 * d);
    }

    /** Source coordinate of output pixel {@code dst}: {@code max((dst + 0.5)·step - 0.5, 0)} (align_corners=False). */
    public static float source(float step, int dst) {
        return Math.max(step * ((float) dst + 0.5f) - 0.5f, 0f);
    }
}
