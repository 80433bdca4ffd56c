package bgnet.model.io;

/** A colour map given by equally spaced 0xRRGGBB control points, interpolated linearly per channel. */
final class Gradient {
    private final int[] stops;

    Gradient(int... stops) {
        if (stops.length < 2) {
            throw new IllegalArgumentException("a gradient needs at least two colours");
        }
        this.stops = stops.clone();
    }

    /** Packed 0xRRGGBB for t in 0..1. */
    int rgb(double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min((int) pos, stops.length - 2);
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        return mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
