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

    /** tanh through exp of a non-positive argument, so it never overflows; float-accurate to ~1 ulp. */
    public static float tanh(float v) {
        float a = v < 0f ? -v : v;
        float e = (float) Math.exp(-2.0 * a);
        float t = (1f - e) / (1f + e);
        return v < 0f ? -t : t;
    }
}
