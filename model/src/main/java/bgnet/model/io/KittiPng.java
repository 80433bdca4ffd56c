package bgnet.model.io;

import java.nio.file.Path;

/**
 * The KITTI disparity format: a 16-bit grey PNG with {@code round(d * 256)}, clamped to 0..65535,
 * where 0 means invalid. Non-finite and negative disparities are written as 0, and so is any
 * disparity below 1/512 px (it rounds to 0), which therefore reads back as invalid.
 */
public final class KittiPng {
    public static final double SCALE = 256.0;

    private KittiPng() {
    }

    public static void write(Path target, DisparityMap map) throws OutputException {
        float[] d = map.values();
        int[] codes = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            codes[i] = encode(d[i]);
        }
        new Gray16Png(map.width(), map.height(), codes).write(target);
    }

    /** Disparity in pixels; invalid pixels (code 0) read as 0. */
    public static DisparityMap read(Path file) throws ImageFormatException {
        Gray16Png png = Gray16Png.read(file);
        float[] d = new float[png.values().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (png.values()[i] / SCALE);
        }
        return new DisparityMap(png.width(), png.height(), d);
    }

    public static int encode(float disparity) {
        if (!ValidDisparity.test(disparity)) {
            return 0;
        }
        return (int) Math.min(Math.round(disparity * SCALE), 65535L);
    }
}
