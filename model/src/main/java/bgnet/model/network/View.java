package bgnet.model.network;

/**
 * A [c][d][h][w] region at an element offset inside a tensor. Channel ranges of one tensor are how
 * concatenations are written in place: each producer writes its own channels.
 */
public record View(Tensor tensor, int offset, int c, int d, int h, int w) {

    public int size() {
        return c * d * h * w;
    }

    /** Channels [from, from + count) of this view. */
    public View channels(int from, int count) {
        if (from < 0 || count <= 0 || from + count > c) {
            throw new IllegalArgumentException("channels " + from + ".." + (from + count) + " of " + c);
        }
        return new View(tensor, offset + from * d * h * w, count, d, h, w);
    }

    /** True when this view covers its whole tensor. */
    public boolean whole() {
        return offset == 0 && size() == tensor.size();
    }
}
