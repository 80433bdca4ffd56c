package bgnet.model.network;

import java.util.List;

/**
 * Convolution or transposed convolution, 2-D or 3-D, with folded BatchNorm:
 * {@code out = act(conv(in, weights) + bias) + residual}.
 *
 * @param residual added after the activation, or null
 */
public record Conv(String name, Stage stage, View in, FoldedConv weights, View residual, View out,
                   ConvGeometry geometry) implements Op {

    @Override
    public List<View> reads() {
        return residual == null ? List.of(in) : List.of(in, residual);
    }

    @Override
    public View writes() {
        return out;
    }

    /** Multiply-accumulates of one pass (transposed layers: only the taps that land). */
    public long macs() {
        long k = geometry.kernel();
        long taps = geometry.threeD() ? k * k * k : k * k;
        long s = geometry.transposed() ? (long) geometry.stride() * geometry.stride() : 1;
        return (long) out.size() * in.c() * taps / s;
    }

    /** "conv2d", "deconv3d", with " s2" for stride 2 and " 1x1" for pointwise layers. */
    @Override
    public String kind() {
        String k = (geometry.transposed() ? "deconv" : "conv") + (geometry.threeD() ? "3d" : "2d");
        if (geometry.kernel() == 1) {
            k += " 1x1";
        }
        return geometry.stride() == 1 || geometry.transposed() ? k : k + " s" + geometry.stride();
    }
}
