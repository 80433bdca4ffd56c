package bgnet.kernels;

/** Activations applied in a convolution's store, selected by an int so that kernels stay branch-only. */
public final class Activation {
    public static final int NONE = 0;
    public static final int RELU = 1;
    /** LeakyReLU with PyTorch's slope 0.1, as in every cbl3 / refinement conv2d block. */
    public static final int LEAKY_RELU = 2;
    public static final int TANH = 3;

    private Activation() {
    }

    public static float apply(float v, int kind) {
        float r = v;
        if (kind == RELU) {
            r = v > 0f ? v : 0f;
        } else if (kind == LEAKY_RELU) {
            r = v > 0f ? v : v * 0.1f;
        } else if (kind == TANH) {
            r = tanh(v);
        }
        return r;
    }

    /**
     * The slope of a piecewise-linear kind (NONE 1, RELU 0, LEAKY_RELU 0.1), for stores that apply it
     * lane by lane without a branch on the kind: for these kinds {@code apply(v, kind)} and
     * {@code max(v, v * slope(kind))} are the same number for every v but NaN (RELU of a negative v gives
     * -0 there, +0 here). TANH has no slope: -1.
     */
    public static float slope(int kind) {
        float s = -1f;
        if (kind == NONE) {
            s = 1f;
        } else if (kind == RELU) {
            s = 0f;
        } else if (kind == LEAKY_RELU) {
            s = 0.1f;
        }
        return s;
    }

    /** tanh through exp of a non-positive argument, so it never overflows; float-accurate to ~1 ulp. */
    public static float tanh(float v) {
        float a = v < 0f ? -v : v;
        float e = (float) Math.exp(-2.0 * a);
        float t = (1f - e) / (1f + e);
        return v < 0f ? -t : t;
    }
}
