package bgnet.model.network;

import java.util.List;

/** Copies a view into another of the same size (a concatenation's second half). */
public record Copy(String name, Stage stage, View src, View dst) implements Op {

    @Override
    public List<View> reads() {
        return List.of(src);
    }

    @Override
    public View writes() {
        return dst;
    }

    @Override
    public String kind() {
        return "copy";
    }
}
