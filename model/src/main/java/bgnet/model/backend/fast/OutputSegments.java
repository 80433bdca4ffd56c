package bgnet.model.backend.fast;

/**
 * The runs of valid outputs inside one block of positions: a block may cross row ends (whose padding
 * column is not an output) and plane ends (whose padding row is not). Each run is contiguous in the
 * block and, in the output tensor, a row piece with a constant step. Reused across blocks.
 */
final class OutputSegments {
    final int[] tileStart = new int[ConvMicroKernel.BLOCK];
    /** Output index of the run's first element within one output channel. */
    final int[] outStart = new int[ConvMicroKernel.BLOCK];
    final int[] length = new int[ConvMicroKernel.BLOCK];
    int count;

    void fill(TapClass c, StagedInput in, ConvShape s, int q0) {
        fill(q0, c.positions(), c.rows(), c.cols(), c.step(), c.py(), c.px(), in, s);
    }

    /**
     * Runs of the block at {@code q0} over a grid of {@code rows × cols} per plane (laid out with the
     * staged input's strides) whose point (od, a, b) is output (od, step*a + py, step*b + px).
     */
    void fill(int q0, int positions, int rows, int cols, int step, int py, int px, StagedInput in, ConvShape s) {
        int end = Math.min(q0 + ConvMicroKernel.BLOCK, positions);
        int ps = in.planeStride;
        int rs = in.rowStride;
        count = 0;
        int q = q0;
        while (q < end) {
            int od = q / ps;
            int r = q - od * ps;
            int a = r / rs;
            int b = r - a * rs;
            if (a >= rows) {
                q = (od + 1) * ps;
                continue;
            }
            if (b >= cols) {
                q += rs - b;
                continue;
            }
            int len = Math.min(cols - b, end - q);
            tileStart[count] = q - q0;
            outStart[count] = (od * s.outH() + step * a + py) * s.outW() + step * b + px;
            length[count] = len;
            count++;
            q += len;
        }
    }
}
