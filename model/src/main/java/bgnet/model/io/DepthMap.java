package bgnet.model.io;

import java.nio.file.Path;

/**
 * Depth in metres from a disparity map, {@code Z = f * B / d}. Invalid pixels (d &lt;= 0 or not
 * finite) hold 0, the KITTI convention, in memory and in both file formats.
 *
 * @param width  columns
 * @param height rows
 * @param metres height*width depths, row-major; 0 = invalid
 */
public record DepthMap(int width, int height, float[] metres) {
    /** The largest depth a 16-bit millimetre PNG can hold. */
    public static final int MAX_MILLIMETRES = 65535;

    public DepthMap {
        if (width <= 0 || height <= 0 || metres.length != width * height) {
            throw new IllegalArgumentException("DepthMap " + width + "x" + height + " with " + metres.length + " values");
        }
    }

    /**
     * @param focalPx   focal length in pixels of the image the disparity belongs to
     * @param baselineM distance between the two camera centres in metres
     */
    public static DepthMap fromDisparity(DisparityMap disparity, double focalPx, double baselineM) {
        if (!(focalPx > 0) || !(baselineM > 0) || Double.isInfinite(focalPx) || Double.isInfinite(baselineM)) {
            throw new IllegalArgumentException("focal length and baseline must be positive: f=" + focalPx + " B=" + baselineM);
        }
        double fb = focalPx * baselineM;
        float[] d = disparity.values();
        float[] z = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            if (ValidDisparity.test(d[i])) {
                float depth = (float) (fb / d[i]);
                z[i] = Float.isFinite(depth) ? depth : 0f;
            }
        }
        return new DepthMap(disparity.width(), disparity.height(), z);
    }

    public float at(int x, int y) {
        return metres[y * width + x];
    }

    /** Float metres, invalid = 0. */
    public void writePfm(Path target) throws OutputException {
        PfmFile.write(target, width, height, metres);
    }

    public static DepthMap readPfm(Path file) throws ImageFormatException {
        DisparityMap grid = PfmFile.read(file);
        return new DepthMap(grid.width(), grid.height(), grid.values());
    }

    /** 16-bit grey PNG of round(Z * 1000) millimetres, clamped to 65535 (65.5 m); invalid = 0. */
    public void writePngMillimetres(Path target) throws OutputException {
        int[] mm = new int[metres.length];
        for (int i = 0; i < mm.length; i++) {
            float z = metres[i];
            mm[i] = z > 0 && Float.isFinite(z) ? (int) Math.min(Math.round(z * 1000.0), MAX_MILLIMETRES) : 0;
        }
        new Gray16Png(width, height, mm).write(target);
    }

    public static DepthMap readPngMillimetres(Path file) throws ImageFormatException {
        Gray16Png png = Gray16Png.read(file);
        float[] z = new float[png.values().length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (png.values()[i] / 1000.0);
        }
        return new DepthMap(png.width(), png.height(), z);
    }
}
