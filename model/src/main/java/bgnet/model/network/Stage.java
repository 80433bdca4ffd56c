package bgnet.model.network;

/** Coarse stages of the forward pass, for per-stage timing (`bench --per-layer`). */
public enum Stage {
    FEATURES("feature extraction"),
    GUIDE("guide"),
    COST_VOLUME("cost volume"),
    DRES0("dres0"),
    HOURGLASS("hourglass"),
    SLICE_REGRESS("slicing+regression"),
    REFINEMENT("refinement"),
    UPSAMPLE("upsample");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
