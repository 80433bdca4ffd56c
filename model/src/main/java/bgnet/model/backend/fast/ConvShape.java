package bgnet.model.backend.fast;

import bgnet.model.backend.TensorArrays;
import bgnet.model.network.Conv;
import bgnet.model.network.ConvGeometry;
import bgnet.model.network.View;

/**
 * One convolution's geometry with 2-D layers seen as 3-D ones of depth 1 (kernel depth 1, no
 * depth padding), so one fast path serves 2-D, 3-D and transposed convolutions.
 *
 * @param kernelD kernel depth: 1 for 2-D, {@code kernel} for 3-D
 * @param padD    depth padding: 0 for 2-D, {@code pad} for 3-D (the depth stride is always 1)
 * @param resOff  element offset of the residual, -1 for none
 */
public record ConvShape(boolean transposed, int inOff, int inC, int inD, int inH, int inW,
                        int outOff, int outC, int outD, int outH, int outW,
                        int kernel, int kernelD, int stride, int pad, int padD, int act, int resOff) {

    public static ConvShape of(Conv op) {
        ConvGeometry g = op.geometry();
        View in = op.in();
        View out = op.out();
        return new ConvShape(g.transposed(), in.offset(), in.c(), in.d(), in.h(), in.w(),
                out.offset(), out.c(), out.d(), out.h(), out.w(), g.kernel(), g.threeD() ? g.kernel() : 1,
                g.stride(), g.pad(), g.threeD() ? g.pad() : 0, g.activation(),
                op.residual() == null ? -1 : op.residual().offset());
    }

    /** The residual's array, or an empty one when the layer has none ({@link #resOff} is then -1). */
    static float[] residual(Conv op, TensorArrays buffers) {
        return op.residual() == null ? new float[0] : buffers.of(op.residual().tensor());
    }

    /** Taps per output in the kernel's own layout: kernelD * kernel * kernel. */
    public int taps() {
        return kernelD * kernel * kernel;
    }

    public int outVolume() {
        return outD * outH * outW;
    }
}
