package bgnet.model.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The colour maps a disparity can be shown with; {@link #cliName()} is the name users type. */
public enum ColorMapKind {
    /** Rainbow-like but perceptually smooth; the usual choice for disparity. */
    TURBO,
    /** Perceptually uniform, readable in grey and by colour-blind viewers. */
    VIRIDIS,
    /** Black (near/min) to white (max). */
    GRAY;

    // The nine-step viridis palette (0, 1/8, ..., 1) of matplotlib's map, which is smooth enough to interpolate.
    private static final Gradient VIRIDIS_STOPS = new Gradient(
            0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725);

    /** Packed 0xRRGGBB for a position in the map; t is clamped to 0..1 and NaN counts as 0. */
    public int rgb(double t) {
        double u = t > 0 ? Math.min(t, 1.0) : 0.0;
        return switch (this) {
            case TURBO -> TurboPolynomial.rgb(u);
            case VIRIDIS -> VIRIDIS_STOPS.rgb(u);
            case GRAY -> {
                int v = (int) Math.round(u * 255.0);
                yield v << 16 | v << 8 | v;
            }
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The map called {@code name} (any case), or an exception that lists the valid names. */
    public static ColorMapKind fromName(String name) {
        for (ColorMapKind kind : values()) {
            if (kind.cliName().equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown colour map \"" + name + "\" (choose from "
                + Arrays.stream(values()).map(ColorMapKind::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
