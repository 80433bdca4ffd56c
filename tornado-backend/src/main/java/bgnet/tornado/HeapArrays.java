package bgnet.tornado;

import bgnet.model.backend.HeapBuffers;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Tensor;

/**
 * The reference tier's arrays: heap {@code float[]}, one per liveness slot, because the reference
 * kernels (the one definition of each op's math) are written over {@code float[]}. Every device
 * buffer has a heap twin here; none is copied per frame except the images and the disparity.
 */
final class HeapArrays implements ProgramArrays<float[]> {
    private final HeapBuffers buffers;

    HeapArrays(NetworkProgram program) {
        this.buffers = new HeapBuffers(program, true);
    }

    @Override
    public float[] of(Tensor t) {
        return buffers.of(t);
    }

    @Override
    public float[] scratch(int floats) {
        return new float[floats];
    }

    @Override
    public float[] standIn() {
        return new float[1];
    }

    @Override
    public void write(Tensor t, float[] values) {
        float[] a = of(t);
        ProgramArrays.requireLength(t, values.length);
        System.arraycopy(values, 0, a, 0, values.length);
    }

    @Override
    public void read(Tensor t, float[] into) {
        System.arraycopy(of(t), 0, into, 0, into.length);
    }

    @Override
    public long hostBytes() {
        return buffers.plan().bytes();
    }

    @Override
    public void close() {
    }
}
