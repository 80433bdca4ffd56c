package bgnet.kernels.device;

import java.util.ArrayList;
import java.util.List;

import static bgnet.kernels.device.BlockedConvParams.CLASS0;
import static bgnet.kernels.device.BlockedConvParams.CLASS_FIELDS;
import static bgnet.kernels.device.BlockedConvParams.OC_BLOCK;

/**
 * Host-side preparation of one convolution for the device tier, done once when the network is planned:
 * the staged input's layout, the tap offsets, the weights repacked per block of {@link BlockedConvParams#OC_BLOCK}
 * output channels, the padded bias and both kernels' int parameters. A stride-s convolution reads each
 * stride phase of its staged input at offsets -1..1, so it is one tap class; a transposed one is split by
 * output parity (py, px) into stride² classes, each an ordinary convolution over the stride-1 staged input
 * with only the taps that reach that parity.
 *
 * <p>Launch: the staging kernel over {@code stagedLayout().size()} elements, then
 * the blocked kernel over (wi in [0, workItems()), blk in [0, blocks())). Dimension 0 may be
 * padded (to a work-group multiple) up to {@link #paddedWorkItems(int)}; {@link #stagedLength(int)} covers
 * what such a padded grid reads.
 */
public final class BlockedConvPlan {
    private final ConvGeometry shape;
    private final StagedLayout staged;
    private final int[] stageParams;
    private final int[] params;
    private final int[] offsets;
    private final float[] packed;
    private final float[] bias;
    private final int positions;
    private final int blocks;
    private final int maxOffset;

    private BlockedConvPlan(ConvGeometry shape, StagedLayout staged, int[] params, int[] offsets, float[] packed,
                            float[] bias, int positions, int blocks, int maxOffset) {
        this.shape = shape;
        this.staged = staged;
        this.stageParams = staged.params(shape.inOff());
        this.params = params;
        this.offsets = offsets;
        this.packed = packed;
        this.bias = bias;
        this.positions = positions;
        this.blocks = blocks;
        this.maxOffset = maxOffset;
    }

    /**
     * Plans {@code shape} with its weights in PyTorch's layout ([outC][inC][k..] for a convolution,
     * [inC][outC][k..] for a transposed one) and its folded bias [outC].
     *
     * @throws IllegalArgumentException for shapes the staged layout cannot serve (padding above 1 in
     *                                  effect, output grids that do not fit the staged strides)
     */
    public static BlockedConvPlan of(ConvGeometry s, float[] weight, float[] bias) {
        return of(s, weight, bias, 2 * OC_BLOCK);
    }

    /**
     * As {@link #of(ConvGeometry, float[], float[])}, with the output channels padded to a multiple of
     * {@code channelsPerItem} (a multiple of 16: what one work-item of the chosen kernel accumulates),
     * with zero weights and bias in the padding.
     */
    public static BlockedConvPlan of(ConvGeometry s, float[] weight, float[] bias, int channelsPerItem) {
        if (channelsPerItem <= 0 || channelsPerItem % (2 * OC_BLOCK) != 0) {
            throw new IllegalArgumentException("channels per work-item must be a positive multiple of 16, got "
                    + channelsPerItem);
        }
        int zeroPlanes = s.padD() > 0 ? 1 : 0;
        StagedLayout in = new StagedLayout(s.inC(), s.inD(), s.inH(), s.inW(), s.transposed() ? 1 : s.stride(),
                zeroPlanes);
        if (s.outD() != s.inD()) {
            throw new IllegalArgumentException("depth must be preserved, got " + s.inD() + " -> " + s.outD());
        }
        int st = s.transposed() ? s.stride() : 1;
        // Whole work-items of blocks (zero weights in a padding block): a vector kernel takes several at once.
        int perItem = channelsPerItem / OC_BLOCK;
        int ocBlocks = perItem * Math.ceilDiv(s.outC(), channelsPerItem);
        List<List<int[]>> classTaps = new ArrayList<>();
        int totalTaps = 0;
        for (int py = 0; py < st; py++) {
            for (int px = 0; px < st; px++) {
                List<int[]> taps = taps(s, in, py, px);
                classTaps.add(taps);
                totalTaps += s.inC() * taps.size();
            }
        }
        int classes = classTaps.size();
        int[] params = new int[CLASS0 + classes * CLASS_FIELDS];
        params[BlockedConvParams.ACT] = s.act();
        params[BlockedConvParams.OUT_OFF] = s.outOff();
        params[BlockedConvParams.RES_OFF] = s.resOff();
        params[BlockedConvParams.OUT_C] = s.outC();
        params[BlockedConvParams.OC_BLOCKS] = ocBlocks;
        params[BlockedConvParams.OUT_H] = s.outH();
        params[BlockedConvParams.OUT_W] = s.outW();
        params[BlockedConvParams.VOLUME] = s.outVolume();
        params[BlockedConvParams.ROW_STRIDE] = in.rowStride;
        params[BlockedConvParams.PLANE_STRIDE] = in.planeStride;
        params[BlockedConvParams.CLASSES] = classes;
        int[] offsets = new int[totalTaps];
        float[] packed = new float[totalTaps * ocBlocks * OC_BLOCK];
        int offsetBase = 0;
        int maxPositions = 0;
        int maxOffset = 0;
        for (int c = 0; c < classes; c++) {
            int py = c / st;
            int px = c % st;
            List<int[]> taps = classTaps.get(c);
            int k = s.inC() * taps.size();
            int rows = s.transposed() ? Math.ceilDiv(s.outH() - py, st) : s.outH();
            int cols = s.transposed() ? Math.ceilDiv(s.outW() - px, st) : s.outW();
            if (rows > in.phaseHeight || cols > in.phaseWidth) {
                throw new IllegalArgumentException("output grid " + rows + "x" + cols + " does not fit the staged input "
                        + in.phaseHeight + "x" + in.phaseWidth);
            }
            int pos = (s.outD() - 1) * in.planeStride + (rows - 1) * in.rowStride + cols;
            int rec = CLASS0 + c * CLASS_FIELDS;
            params[rec + BlockedConvParams.C_TAPS] = k;
            params[rec + BlockedConvParams.C_OFFSETS] = offsetBase;
            params[rec + BlockedConvParams.C_WEIGHTS] = offsetBase * ocBlocks * OC_BLOCK;
            params[rec + BlockedConvParams.C_ROWS] = rows;
            params[rec + BlockedConvParams.C_COLS] = cols;
            params[rec + BlockedConvParams.C_STEP] = st;
            params[rec + BlockedConvParams.C_PY] = py;
            params[rec + BlockedConvParams.C_PX] = px;
            params[rec + BlockedConvParams.C_POSITIONS] = pos;
            maxPositions = Math.max(maxPositions, pos);
            for (int ic = 0; ic < s.inC(); ic++) {
                for (int t = 0; t < taps.size(); t++) {
                    int j = ic * taps.size() + t;
                    int off = ic * in.channelStride + taps.get(t)[0];
                    offsets[offsetBase + j] = off;
                    maxOffset = Math.max(maxOffset, off);
                    for (int oc = 0; oc < s.outC(); oc++) {
                        int wb = offsetBase * ocBlocks * OC_BLOCK + ((oc / OC_BLOCK) * k + j) * OC_BLOCK;
                        packed[wb + oc % OC_BLOCK] = weightAt(s, weight, oc, ic, taps.get(t)[1]);
                    }
                }
            }
            offsetBase += k;
        }
        float[] paddedBias = new float[ocBlocks * OC_BLOCK];
        System.arraycopy(bias, 0, paddedBias, 0, s.outC());
        return new BlockedConvPlan(s, in, params, offsets, packed, paddedBias, maxPositions, classes * ocBlocks,
                maxOffset);
    }

    private static float weightAt(ConvGeometry s, float[] weight, int oc, int ic, int tap) {
        int perChannel = s.taps();
        return s.transposed() ? weight[(ic * s.outC() + oc) * perChannel + tap]
                : weight[(oc * s.inC() + ic) * perChannel + tap];
    }

    /** The taps reaching outputs of parity (py, px): see {@link ConvTaps#of}. */
    private static List<int[]> taps(ConvGeometry s, StagedLayout in, int py, int px) {
        return ConvTaps.of(s.transposed(), s.kernel(), s.kernelD(), s.stride(), s.pad(), s.padD(), in, py, px);
    }

    public ConvGeometry shape() {
        return shape;
    }

    public StagedLayout stagedLayout() {
        return staged;
    }

    /** {@link StageParams} parameters (reads the op's input at its offset). */
    public int[] stageParams() {
        return stageParams;
    }

    /** {@link BlockedConvParams} parameters. */
    public int[] params() {
        return params;
    }

    /** Staged offset of each (input channel, tap) per class: [class][K]. */
    public int[] offsets() {
        return offsets;
    }

    /** Weights repacked as [class][ocBlock][K][OC_BLOCK]. */
    public float[] packedWeights() {
        return packed;
    }

    /**
     * The weights repacked for 16-wide vectors: [class][ocBlock16][K][16], two consecutive 8-blocks
     * of {@link #packedWeights()} interleaved per tap, so that one aligned 16-float load holds a tap's
     * weights of 16 output channels. Class records keep their {@link BlockedConvParams#C_WEIGHTS}
     * offsets (the block count is even, so those are multiples of 16).
     */
    public float[] packedWeights16() {
        float[] wide = new float[packed.length];
        int ocBlocks = params[BlockedConvParams.OC_BLOCKS];
        for (int c = 0; c < params[BlockedConvParams.CLASSES]; c++) {
            int rec = CLASS0 + c * CLASS_FIELDS;
            int k = params[rec + BlockedConvParams.C_TAPS];
            int base = params[rec + BlockedConvParams.C_WEIGHTS];
            for (int b = 0; b < ocBlocks; b++) {
                for (int j = 0; j < k; j++) {
                    int src = base + (b * k + j) * OC_BLOCK;
                    int dst = base + ((b / 2) * k + j) * 2 * OC_BLOCK + (b % 2) * OC_BLOCK;
                    System.arraycopy(packed, src, wide, dst, OC_BLOCK);
                }
            }
        }
        return wide;
    }

    /** Dimension 1 of a launch whose work-items take {@code channels} output channels (a multiple of 8). */
    public int channelGroups(int channels) {
        int per = channels / OC_BLOCK;
        if (per <= 0 || channels % OC_BLOCK != 0 || params[BlockedConvParams.OC_BLOCKS] % per != 0) {
            throw new IllegalArgumentException(channels + " channels per work-item do not divide the plan's "
                    + params[BlockedConvParams.OC_BLOCKS] + " blocks of " + OC_BLOCK);
        }
        return blocks / per;
    }

    /** Bias padded to whole blocks. */
    public float[] paddedBias() {
        return bias;
    }

    /** Staged positions of the largest class (halo columns included). */
    public int positions() {
        return positions;
    }

    /** Dimension 0 of the launch: work-items of {@link BlockedConvParams#POS_BLOCK} positions each. */
    public int workItems() {
        return Math.ceilDiv(positions, BlockedConvParams.POS_BLOCK);
    }

    /** Dimension 1 of the launch: classes × output-channel blocks. */
    public int blocks() {
        return blocks;
    }

    /** Dimension 1 of the vector kernel's launch, which takes two output-channel blocks per work-item. */
    public int blockPairs() {
        return blocks / 2;
    }

    /** Dimension 0 rounded up to a multiple of {@code group}: what a padded grid launches. */
    public int paddedWorkItems(int group) {
        return Math.ceilDiv(workItems(), group) * group;
    }

    /** Length the staged buffer needs when dimension 0 is padded to a multiple of {@code group}. */
    public int stagedLength(int group) {
        return Math.max(staged.size(), maxOffset + paddedWorkItems(group) * BlockedConvParams.POS_BLOCK);
    }
}
