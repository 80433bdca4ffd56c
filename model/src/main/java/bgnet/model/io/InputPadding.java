package bgnet.model.io;

/**
 * Brings an image to a multiple of 64 in both directions the way BGNet's KITTI evaluation does, and
 * crops the disparity back. Rows are added at the TOP and columns at the RIGHT only, filled with
 * numpy's 'symmetric' mode (the edge pixel is repeated: a b c | c b a). A pad larger than the image
 * (a 10-row image padded to 64) keeps mirroring back and forth, exactly as numpy does.
 */
public final class InputPadding {
    /** The network halves the resolution six times (down to 1/64). */
    public static final int MULTIPLE = 64;

    private InputPadding() {
    }

    /** The next multiple of 64 at or above {@code size}. */
    public static int paddedSize(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        return Math.ceilDiv(size, MULTIPLE) * MULTIPLE;
    }

    /** The padded image, or the same instance when both sizes already are multiples of 64. */
    public static GrayImage pad(GrayImage image) {
        int w = image.width();
        int h = image.height();
        int pw = paddedSize(w);
        int ph = paddedSize(h);
        if (pw == w && ph == h) {
            return image;
        }
        int top = ph - h;
        float[] src = image.pixels();
        float[] out = new float[pw * ph];
        for (int py = 0; py < ph; py++) {
            int srcRow = mirror(py - top, h) * w;
            int dstRow = py * pw;
            System.arraycopy(src, srcRow, out, dstRow, w);
            for (int px = w; px < pw; px++) {
                out[dstRow + px] = src[srcRow + mirror(px, w)];
            }
        }
        return new GrayImage(pw, ph, out);
    }

    /**
     * The disparity of the original image from one computed on its padded version: drops the top
     * rows and the right columns added by the padding (any amount, so a fixed-size pad works too).
     */
    public static DisparityMap crop(DisparityMap padded, int origW, int origH) {
        if (origW == padded.width() && origH == padded.height()) {
            return padded;
        }
        return new DisparityMap(origW, origH, cropped(padded.values(), padded.width(), padded.height(), origW, origH,
                "disparity map"));
    }

    /** The confidence map of the original image, cropped exactly like the disparity. */
    public static ConfidenceMap crop(ConfidenceMap padded, int origW, int origH) {
        if (origW == padded.width() && origH == padded.height()) {
            return padded;
        }
        return new ConfidenceMap(origW, origH, cropped(padded.values(), padded.width(), padded.height(), origW, origH,
                "confidence map"));
    }

    /** The bottom-left origW x origH of a padded map (the top rows and right columns dropped). */
    private static float[] cropped(float[] values, int width, int height, int origW, int origH, String what) {
        if (origW <= 0 || origH <= 0 || origW > width || origH > height) {
            throw new IllegalArgumentException("cannot crop a " + width + "x" + height + " " + what + " to "
                    + origW + "x" + origH);
        }
        int top = height - origH;
        float[] out = new float[origW * origH];
        for (int y = 0; y < origH; y++) {
            System.arraycopy(values, (y + top) * width, out, y * origW, origW);
        }
        return out;
    }

    /** numpy 'symmetric' index: the sequence 0..n-1, n-1..0 repeated in both directions. */
    static int mirror(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }
}
