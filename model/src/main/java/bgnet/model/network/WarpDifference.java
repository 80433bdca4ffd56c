package bgnet.model.network;

import java.util.List;

/** The refinement's input: the right image warped by the disparity, and its difference to the left. */
public record WarpDifference(String name, Stage stage, View disparity, View left, View right, View out) implements Op {

    @Override
    public List<View> reads() {
        return List.of(disparity, left, right);
    }

    @Override
    public View writes() {
        return out;
    }

    @Override
    public String kind() {
        return "warp difference";
    }
}
