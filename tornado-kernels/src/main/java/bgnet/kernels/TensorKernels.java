package bgnet.kernels;

/** Plain data movement: copying a block of channels into a concatenation buffer. */
public final class TensorKernels {
    public static final int SRC_OFF = 0;
    public static final int DST_OFF = 1;
    public static final int COUNT = 2;
    public static final int LENGTH = 3;

    private TensorKernels() {
    }

    public static int[] params(int srcOff, int dstOff, int count) {
        return new int[] {srcOff, dstOff, count};
    }

    public static int size(int[] p) {
        return p[COUNT];
    }

    public static void copy(float[] src, float[] dst, int[] p, int i) {
        dst[p[DST_OFF] + i] = src[p[SRC_OFF] + i];
    }
}
