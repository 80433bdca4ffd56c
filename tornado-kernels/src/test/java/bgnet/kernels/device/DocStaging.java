package bgnet.kernels.device;

/**
 * Stages an input as {@link StagedLayout}'s class doc draws it, written independently of the staging kernel:
 * input (c, z, y, x) goes to phase (y mod s, x mod s), plane z + zeroPlanes, row y/s + 1, column x/s + 1;
 * everything else (leading zero column and row, zero planes, tail rows, unused phase cells) is 0.
 */
final class DocStaging {
    private DocStaging() {
    }

    static float[] stage(StagedLayout l, float[] in) {
        int s = l.stride;
        float[] staged = new float[l.size()];
        for (int c = 0; c < l.channels; c++) {
            for (int z = 0; z < l.depth; z++) {
                for (int y = 0; y < l.height; y++) {
                    for (int x = 0; x < l.width; x++) {
                        int phase = (y % s) * s + x % s;
                        staged[c * l.channelStride + phase * l.phaseSize + (z + l.zeroPlanes) * l.planeStride
                                + (y / s + 1) * l.rowStride + x / s + 1] = in[((c * l.depth + z) * l.height + y) * l.width + x];
                    }
                }
            }
        }
        return staged;
    }
}
