package bgnet.api;

import bgnet.model.io.ColorMapKind;

/** How {@link StereoResult#writeColor} colours a disparity map; invalid pixels are black. */
public enum Colormap {
    /** Rainbow-like but perceptually smooth; the usual choice for disparity. */
    TURBO(ColorMapKind.TURBO),
    /** Perceptually uniform, readable in grey and by colour-blind viewers. */
    VIRIDIS(ColorMapKind.VIRIDIS),
    /** Black (small disparity, far) to white (large disparity, near). */
    GRAY(ColorMapKind.GRAY);

    private final ColorMapKind kind;

    Colormap(ColorMapKind kind) {
        this.kind = kind;
    }

    /**
     * The map the command line calls {@code name} ({@code turbo}, {@code viridis}, {@code gray}; any case).
     *
     * @param name the map's name
     * @return the map
     * @throws IllegalArgumentException naming the valid choices when there is no such map
     */
    public static Colormap named(String name) {
        return valueOf(ColorMapKind.fromName(name).name());
    }

    ColorMapKind kind() {
        return kind;
    }
}
