package bgnet.kernels.device;

/**
 * Where a convolution's input is copied before the blocked kernel runs. Each channel is split into
 * stride² phase images (rows y ≡ py and columns x ≡ px mod stride); every row of a phase image starts
 * with one zero, every plane with one zero row, and 3-D inputs get one zero plane at each end. A tap
 * of a padding-≤1 convolution then reads at one constant offset from its output position q
 * (q = od*planeStride + a*rowStride + b), and a tap that falls off the image lands on a zero: the
 * kernel's tap loop has no bounds checks and every work-item runs the same trip count.
 *
 * <pre>
 * staged [channels][stride²][planes = depth + 2*zeroPlanes][phaseHeight + 1][phaseWidth + 1]
 *        (each phase image followed by two zero rows)
 * </pre>
 */
public final class StagedLayout {
    public final int channels;
    public final int depth;
    public final int height;
    public final int width;
    public final int stride;
    /** Zero planes before (and after) the data: 1 for padded 3-D inputs, 0 for 2-D ones. */
    public final int zeroPlanes;
    public final int phaseHeight;
    public final int phaseWidth;
    public final int rowStride;
    public final int planeStride;
    /** Staged rows per phase image: planes × (phaseHeight + 1), plus two zero rows of tail. */
    public final int rowsPerPhase;
    public final int phaseSize;
    public final int channelStride;

    public StagedLayout(int channels, int depth, int height, int width, int stride, int zeroPlanes) {
        this.channels = channels;
        this.depth = depth;
        this.height = height;
        this.width = width;
        this.stride = stride;
        this.zeroPlanes = zeroPlanes;
        this.phaseHeight = Math.ceilDiv(height, stride);
        this.phaseWidth = Math.ceilDiv(width, stride);
        this.rowStride = phaseWidth + 1;
        this.planeStride = (phaseHeight + 1) * rowStride;
        // Two trailing zero rows: what a +1 overhang of the last row (and its +1 column) reads.
        this.rowsPerPhase = (depth + 2 * zeroPlanes) * (phaseHeight + 1) + 2;
        this.phaseSize = rowsPerPhase * rowStride;
        this.channelStride = stride * stride * phaseSize;
    }

    /** Staged elements. */
    public int size() {
        return channels * channelStride;
    }

    /** Staged rows: the staging launch's work-items, one row each. */
    public int rows() {
        return channels * stride * stride * rowsPerPhase;
    }

    /**
     * Offset, from an output position q, of the element a tap reads at (od+dd, a*stride+ry, b*stride+rx)
     * in input coordinates; dd and the phase steps floorDiv(ry, stride), floorDiv(rx, stride) must lie in [-1, 1].
     */
    public int tapOffset(int dd, int ry, int rx) {
        int py = Math.floorMod(ry, stride);
        int px = Math.floorMod(rx, stride);
        int dy = Math.floorDiv(ry, stride);
        int dx = Math.floorDiv(rx, stride);
        if (Math.abs(dd) > zeroPlanes || Math.abs(dy) > 1 || Math.abs(dx) > 1) {
            throw new IllegalArgumentException("tap overhang (" + dd + "," + dy + "," + dx + ") exceeds the zero border");
        }
        return (py * stride + px) * phaseSize + (dd + zeroPlanes) * planeStride + (dy + 1) * rowStride + dx + 1;
    }

    /** The staging kernel's parameters, laid out as {@link StageParams} reads them. */
    public int[] params(int inOff) {
        return new int[] {inOff, channels, depth, height, width, stride, zeroPlanes, phaseHeight, rowStride,
            rowsPerPhase, rows()};
    }
}
