package bgnet.model.network;

import java.util.List;

/**
 * Slicing the bilateral grid by the guide, 97-level interpolation, softmax and regression, fused:
 * the half-resolution disparity without storing the 97-plane cost volume.
 *
 * @param grid       coefficients [planes][bins][gridH][gridW] (the grid's disparity planes × guidance bins)
 * @param half       disparity at half resolution [1][H/2][W/2]
 * @param confidence the largest softmax probability per half-resolution pixel [1][H/2][W/2], or null
 *                   when the program does not compute it (the kernels then skip it)
 */
public record SliceRegress(String name, Stage stage, View grid, View guide, View half, View confidence, int planes,
                           int bins, int levels) implements Op {

    /** The disparity only. */
    public SliceRegress(String name, Stage stage, View grid, View guide, View half, int planes, int bins, int levels) {
        this(name, stage, grid, guide, half, null, planes, bins, levels);
    }

    @Override
    public List<View> reads() {
        return List.of(grid, guide);
    }

    @Override
    public View writes() {
        return half;
    }

    @Override
    public List<View> outputs() {
        return confidence == null ? List.of(half) : List.of(half, confidence);
    }

    @Override
    public String kind() {
        return "slice+regress";
    }
}
