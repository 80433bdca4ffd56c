package bgnet.tornado;

import bgnet.model.network.Tensor;

/**
 * The host objects that stand for a program's device buffers on one kernel tier, and how a frame's
 * images go in and its results come out of them. The reference tier binds heap {@code float[]} (the
 * type the reference kernels are written over, {@link HeapArrays}); the device tier binds TornadoVM's
 * off-heap {@code FloatArray}s and keeps no host memory behind device-only activations
 * ({@link OffHeapArrays}).
 *
 * @param <A> the array type the tier's kernels take
 */
interface ProgramArrays<A> extends AutoCloseable {

    /** The array behind {@code t} (shared by liveness with tensors whose lifetimes do not overlap t's). */
    A of(Tensor t);

    /** Device-only working memory of {@code floats} elements. */
    A scratch(int floats);

    /** A one-element constant for a task argument that a shape does not use (a missing residual). */
    A standIn();

    /** Copies a frame's values into the host side of {@code t} (which must be host-backed). */
    void write(Tensor t, float[] values);

    /** Copies the host side of {@code t} into {@code into} (which must be host-backed and fetched). */
    void read(Tensor t, float[] into);

    /** Bytes of host memory behind the activations (what device-only buffers cost the host). */
    long hostBytes();

    @Override
    void close();

    /** The check every {@link #write} makes: a frame's values fill the tensor exactly. */
    static void requireLength(Tensor t, int length) {
        if (length != t.size()) {
            throw new IllegalArgumentException("image has " + length + " pixels, the program takes " + t.size());
        }
    }
}
