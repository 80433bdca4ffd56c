package bgnet.model.backend.fast;

import bgnet.kernels.device.StagedLayout;

import java.util.Arrays;

/**
 * The layout a convolution's input is copied into before the fast kernel runs. Each channel is split
 * into stride² phase images (the rows y ≡ py and columns x ≡ px mod stride); every row of a phase image
 * starts with one zero, every plane with one zero row, and 3-D inputs get one zero plane at each end.
 * A tap of a padding-1 convolution then reads at one constant offset from its output position, and a
 * tap that falls off the image lands on one of those zeros: the inner loop needs no bounds checks or masks.
 */
final class StagedInput {
    /** The geometry, shared with the TornadoVM device tier's staging (its phase images end in two zero rows). */
    final StagedLayout layout;
    final int channels;
    final int depth;
    final int height;
    final int width;
    final int stride;
    /** Zero planes in front of (and after) the data: 1 for 3-D inputs, 0 for 2-D ones. */
    final int zeroPlanes;
    final int phaseHeight;
    final int phaseWidth;
    final int rowStride;
    final int planeStride;
    final int phaseSize;
    final int channelStride;

    StagedInput(int channels, int depth, int height, int width, int stride, int zeroPlanes) {
        this(new StagedLayout(channels, depth, height, width, stride, zeroPlanes));
    }

    private StagedInput(StagedLayout l) {
        layout = l;
        channels = l.channels;
        depth = l.depth;
        height = l.height;
        width = l.width;
        stride = l.stride;
        zeroPlanes = l.zeroPlanes;
        phaseHeight = l.phaseHeight;
        phaseWidth = l.phaseWidth;
        rowStride = l.rowStride;
        planeStride = l.planeStride;
        phaseSize = l.phaseSize;
        channelStride = l.channelStride;
    }

    boolean sameLayout(StagedInput o) {
        return channels == o.channels && depth == o.depth && height == o.height && width == o.width
                && stride == o.stride && zeroPlanes == o.zeroPlanes;
    }

    int planes() {
        return depth + 2 * zeroPlanes;
    }

    int size() {
        return channels * channelStride;
    }

    /** See {@link StagedLayout#tapOffset}. */
    int tapOffset(int dd, int ry, int rx) {
        return layout.tapOffset(dd, ry, rx);
    }

    /** Number of independent copy units (channel × plane), the parallel loop's length. */
    int units() {
        return channels * planes();
    }

    /** Copies units [from, to) of the input {@code src} (at {@code srcOff}, NCDHW) into {@code dst}. */
    void stage(float[] src, int srcOff, float[] dst, int from, int to) {
        int planes = planes();
        for (int u = from; u < to; u++) {
            int c = u / planes;
            int p = u - c * planes;
            int d = p - zeroPlanes;
            for (int py = 0; py < stride; py++) {
                int base = c * channelStride + py * stride * phaseSize + p * planeStride;
                if (d < 0 || d >= depth) {
                    for (int px = 0; px < stride; px++) {
                        Arrays.fill(dst, base + px * phaseSize, base + px * phaseSize + planeStride, 0f);
                    }
                } else {
                    stagePlane(src, srcOff + (c * depth + d) * height * width, dst, base, py);
                }
            }
            if (p == planes - 1) {
                for (int ph = 0; ph < stride * stride; ph++) {
                    int phaseBase = c * channelStride + ph * phaseSize;
                    Arrays.fill(dst, phaseBase + planes * planeStride, phaseBase + phaseSize, 0f);
                }
            }
        }
    }

    /** One plane of the rows y ≡ py: all column phases at once, {@code base} being phase (py, 0)'s plane. */
    private void stagePlane(float[] src, int planeOff, float[] dst, int base, int py) {
        for (int px = 0; px < stride; px++) {
            Arrays.fill(dst, base + px * phaseSize, base + px * phaseSize + rowStride, 0f);
        }
        for (int r = 0; r < phaseHeight; r++) {
            int row = base + (r + 1) * rowStride;
            int y = r * stride + py;
            for (int px = 0; px < stride; px++) {
                dst[row + px * phaseSize] = 0f;
            }
            if (y >= height) {
                for (int px = 0; px < stride; px++) {
                    Arrays.fill(dst, row + px * phaseSize + 1, row + px * phaseSize + rowStride, 0f);
                }
            } else if (stride == 1) {
                System.arraycopy(src, planeOff + y * width, dst, row + 1, width);
            } else if (stride == 2) {
                Deinterleave.split(src, planeOff + y * width, width, dst, row + 1, row + phaseSize + 1);
            } else {
                for (int px = 0; px < stride; px++) {
                    for (int xx = 0; xx < phaseWidth; xx++) {
                        int x = xx * stride + px;
                        dst[row + px * phaseSize + 1 + xx] = x < width ? src[planeOff + y * width + x] : 0f;
                    }
                }
            }
        }
    }
}
