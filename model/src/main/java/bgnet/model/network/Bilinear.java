package bgnet.model.network;

import java.util.List;

/**
 * Bilinear resampling of a one-channel map (align_corners=false), values scaled by {@code valueScale}.
 * The source step per output pixel is {@code stepNum / stepDen}.
 */
public record Bilinear(String name, Stage stage, View in, View out, int stepNum, int stepDen, int valueScale)
        implements Op {

    @Override
    public List<View> reads() {
        return List.of(in);
    }

    @Override
    public View writes() {
        return out;
    }

    @Override
    public String kind() {
        return "bilinear";
    }
}
