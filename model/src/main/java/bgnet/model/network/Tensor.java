package bgnet.model.network;

/**
 * A buffer of the planned forward pass: an id and a [c][d][h][w] shape (d = 1 for 2-D maps). The plan
 * only describes it; each backend allocates its own memory for it (heap arrays on the JVM, device
 * buffers on TornadoVM), sharing memory between tensors whose lifetimes do not overlap.
 */
public record Tensor(int id, int c, int d, int h, int w) {

    public int size() {
        return c * d * h * w;
    }

    /** The whole tensor as a view. */
    public View all() {
        return new View(this, 0, c, d, h, w);
    }
}
