package bgnet.model.network;

import java.util.List;

/**
 * Slicing the bilateral grid by the guide, 97-level interpolation, softmax and regression, fused:
 * the half-resolution disparity without storing the 97-plane cost volume.
 *
 * @param grid coefficients [planes][bins][gridH][gridW] (the grid's disparity planes × guidance bins)
 * @param half disparity at half resolution [1][H/2][W/2]
 */
public record SliceRegress(String name, Stage stage, View grid, View guide, View half, int planes, int bins,
                           int levels) implements Op {

    @Override
    public List<View> reads() {
        return List.of(grid, guide);
    }

    @Override
    public View writes() {
        return half;
    }

    @Override
    public String kind() {
        return "slice+regress";
    }
}
