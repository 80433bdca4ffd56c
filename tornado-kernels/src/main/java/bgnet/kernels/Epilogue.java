package bgnet.kernels;

/** The store every convolution ends with: activation first, then the residual (how BGNet's blocks add). */
public final class Epilogue {
    private Epilogue() {
    }

    /**
     * Writes {@code act(v) + res[resOff + i]} (no residual when {@code resOff < 0}) to {@code out[outOff + i]},
     * {@code i} being the element's index within the output tensor.
     */
    public static void store(float v, int act, float[] res, int resOff, float[] out, int outOff, int i) {
        float r = Activation.apply(v, act);
        if (resOff >= 0) {
            r = r + res[resOff + i];
        }
        out[outOff + i] = r;
    }
}
