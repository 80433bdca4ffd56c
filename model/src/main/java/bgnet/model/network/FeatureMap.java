package bgnet.model.network;

/**
 * A [c][d][h][w] view at an element offset inside a buffer (d = 1 for 2-D maps). Views into one
 * buffer are how concatenations are built without copies.
 */
record FeatureMap(float[] data, int offset, int c, int d, int h, int w) {

    static FeatureMap allocate(int c, int d, int h, int w) {
        return new FeatureMap(new float[c * d * h * w], 0, c, d, h, w);
    }

    static FeatureMap allocate2d(int c, int h, int w) {
        return allocate(c, 1, h, w);
    }

    int size() {
        return c * d * h * w;
    }

    /** Channels [from, from + count) of this map. */
    FeatureMap channels(int from, int count) {
        return new FeatureMap(data, offset + from * d * h * w, count, d, h, w);
    }
}
