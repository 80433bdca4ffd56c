package bgnet.model.network;

import java.util.List;

/** out = relu(a + b): the refined disparity. */
public record ReluAdd(String name, Stage stage, View a, View b, View out) implements Op {

    @Override
    public List<View> reads() {
        return List.of(a, b);
    }

    @Override
    public View writes() {
        return out;
    }

    @Override
    public String kind() {
        return "relu+add";
    }
}
