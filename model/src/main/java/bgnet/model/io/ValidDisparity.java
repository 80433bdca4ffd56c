package bgnet.model.io;

/** One rule for the whole package: a disparity is usable when finite and positive (KITTI: 0 = invalid). */
final class ValidDisparity {
    private ValidDisparity() {
    }

    static boolean test(float d) {
        return d > 0 && d < Float.POSITIVE_INFINITY;
    }
}
