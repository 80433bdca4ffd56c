package bgnet.model.io;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Colours a disparity map for viewing: {@code min} maps to the start of the colour map, {@code max}
 * to its end, values outside are clamped. Invalid disparities (not finite, or &lt;= 0) are black.
 *
 * @param kind which colour map
 * @param min  disparity at the start of the map
 * @param max  disparity at the end of the map (&gt; min)
 */
public record ColorMap(ColorMapKind kind, float min, float max) {
    public static final int INVALID_RGB = 0x000000;
    /** The auto range ends here so that a few outliers do not squash the colours of everything else. */
    public static final double AUTO_PERCENTILE = 99.0;

    public ColorMap {
        if (kind == null || !Float.isFinite(min) || !Float.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("bad colour map range " + min + " .. " + max);
        }
    }

    /** Range 0 .. the 99th percentile of the valid disparities (0 .. 1 when there are none). */
    public static ColorMap autoRange(ColorMapKind kind, DisparityMap map) {
        float top = percentile(map.values(), AUTO_PERCENTILE);
        return new ColorMap(kind, 0f, top > 0 ? top : 1f);
    }

    /** Packed 0xRRGGBB for one disparity. */
    public int rgb(float disparity) {
        if (!ValidDisparity.test(disparity)) {
            return INVALID_RGB;
        }
        return kind.rgb(((double) disparity - min) / ((double) max - min));
    }

    public RgbImage render(DisparityMap map) {
        float[] d = map.values();
        int[] rgb = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            rgb[i] = rgb(d[i]);
        }
        return new RgbImage(map.width(), map.height(), rgb);
    }

    /** An 8-bit RGB PNG of {@link #render}. */
    public void writePng(Path target, DisparityMap map) throws OutputException {
        ImageFiles.writeRgbPng(target, render(map));
    }

    /** Nearest-rank percentile of the valid values; 0 when there are none. */
    static float percentile(float[] values, double percent) {
        float[] valid = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (ValidDisparity.test(v)) {
                valid[n++] = v;
            }
        }
        if (n == 0) {
            return 0f;
        }
        Arrays.sort(valid, 0, n);
        int rank = (int) Math.ceil(percent * n / 100.0);
        return valid[Math.clamp(rank - 1, 0, n - 1)];
    }
}
