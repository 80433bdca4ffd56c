package bgnet.model.io;

import java.util.Arrays;

/**
 * Coloured 3-D points in the left camera's frame, metres: X right, Y down, Z forward (the OpenCV
 * convention, so viewers may show it upside down).
 *
 * @param xyz x, y, z of each point in turn (3 * size floats)
 * @param rgb packed 0xRRGGBB of each point
 */
public record PointCloud(float[] xyz, int[] rgb) {
    public static final double DEFAULT_MAX_DEPTH_M = 100.0;

    public PointCloud {
        if (xyz.length != 3 * rgb.length) {
            throw new IllegalArgumentException(xyz.length + " coordinates for " + rgb.length + " colours");
        }
    }

    public int size() {
        return rgb.length;
    }

    public static PointCloud fromDisparity(DisparityMap disparity, RgbImage colours, CameraIntrinsics camera) {
        return fromDisparity(disparity, colours, camera, DEFAULT_MAX_DEPTH_M);
    }

    /**
     * One point per valid pixel: {@code Z = f*B/d, X = (x-cx)*Z/f, Y = (y-cy)*Z/f}, coloured from the
     * left image. Pixels with d &lt;= 0, a non-finite d, or Z &gt; maxDepthM are dropped.
     */
    public static PointCloud fromDisparity(DisparityMap disparity, RgbImage colours, CameraIntrinsics camera,
                                           double maxDepthM) {
        int w = disparity.width();
        int h = disparity.height();
        if (colours.width() != w || colours.height() != h) {
            throw new IllegalArgumentException("colour image " + colours.width() + "x" + colours.height()
                    + " does not match the " + w + "x" + h + " disparity map");
        }
        if (!(maxDepthM > 0)) {
            throw new IllegalArgumentException("maximum depth must be positive: " + maxDepthM);
        }
        float[] z = DepthMap.fromDisparity(disparity, camera.focalPx(), camera.baselineM()).metres();
        float[] xyz = new float[3 * z.length];
        int[] rgb = new int[z.length];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double depth = z[i];
                if (depth <= 0 || depth > maxDepthM) {
                    continue;
                }
                xyz[3 * n] = (float) ((x - camera.cx()) * depth / camera.focalPx());
                xyz[3 * n + 1] = (float) ((y - camera.cy()) * depth / camera.focalPx());
                xyz[3 * n + 2] = (float) depth;
                rgb[n] = colours.rgb()[i] & 0xFFFFFF;
                n++;
            }
        }
        return new PointCloud(Arrays.copyOf(xyz, 3 * n), Arrays.copyOf(rgb, n));
    }
}
