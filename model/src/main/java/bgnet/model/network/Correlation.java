package bgnet.model.network;

import java.util.List;

/** Group-wise correlation volume: out[g][d][y][x] = mean over group g's channels of left·right(x−d). */
public record Correlation(String name, Stage stage, View left, View right, View out, int groups, int disparities)
        implements Op {

    @Override
    public List<View> reads() {
        return List.of(left, right);
    }

    @Override
    public View writes() {
        return out;
    }

    @Override
    public String kind() {
        return "correlation";
    }
}
