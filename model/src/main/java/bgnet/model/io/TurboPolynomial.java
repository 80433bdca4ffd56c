package bgnet.model.io;

/**
 * Google's "Turbo" rainbow map (Mikhailov, 2019) through its published fifth-degree polynomial fit
 * (coefficients by Ruofei Du, Apache-2.0), evaluated here in Horner form.
 */
final class TurboPolynomial {
    // Coefficients of t^0 .. t^5 for each channel, as published.
    private static final double[] RED = {0.13572138, 4.61539260, -42.66032258, 132.13108234, -152.94239396, 59.28637943};
    private static final double[] GREEN = {0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604};
    private static final double[] BLUE = {0.10667330, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973};

    private TurboPolynomial() {
    }

    /** Packed 0xRRGGBB for t in 0..1. */
    static int rgb(double t) {
        return channel(RED, t) << 16 | channel(GREEN, t) << 8 | channel(BLUE, t);
    }

    private static int channel(double[] c, double t) {
        double v = c[5];
        for (int i = 4; i >= 0; i--) {
            v = v * t + c[i];
        }
        // The fit overshoots slightly at the ends (blue goes below 0 near t=1).
        return (int) Math.round(Math.clamp(v, 0.0, 1.0) * 255.0);
    }
}
