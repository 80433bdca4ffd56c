package bgnet.model.backend.fast;

/**
 * The outputs of one convolution that share one tap pattern: all outputs of a convolution, or, for a
 * transposed one, the outputs of one parity (oy ≡ py, ox ≡ px mod stride). They form a grid of
 * {@code rows × cols} per depth plane, laid out at position q = od*planeStride + a*rowStride + b (the
 * staged input's strides), and output (od, a, b) goes to (od, step*a + py, step*b + px).
 *
 * @param offsets read offset from q for each (input channel, tap) pair, channel-major, taps in kernel order
 * @param packed  weights as [output-channel block][input channel × tap][channel in block]
 * @param bias    bias per output channel, zero-padded to whole blocks
 * @param positions q positions to compute: the last valid one + 1
 */
record TapClass(int py, int px, int step, int rows, int cols, int[] offsets, float[] packed, float[] bias,
                int positions) {

    int blocks() {
        return Math.ceilDiv(positions, ConvMicroKernel.BLOCK);
    }

    int maxOffset() {
        int max = 0;
        for (int o : offsets) {
            max = Math.max(max, o);
        }
        return max;
    }

    /** One past the largest index of the staged input any block reads. */
    int readExtent() {
        return blocks() * ConvMicroKernel.BLOCK + maxOffset();
    }
}
