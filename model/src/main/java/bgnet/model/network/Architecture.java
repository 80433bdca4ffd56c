package bgnet.model.network;

/** The two published networks; BGNet+ is BGNet plus a refinement hourglass at half resolution. */
public enum Architecture {
    BGNET("BGNet"),
    BGNET_PLUS("BGNet+");

    private final String displayName;

    Architecture(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
