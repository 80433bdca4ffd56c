package bgnet.tornado;

import bgnet.model.network.Tensor;

import java.util.function.IntFunction;

/**
 * Program arrays for single-op tests: tensor k is {@code data[k]}; stand-ins and scratch are new arrays.
 * Frames never go through it (the tests hand the op its arrays directly).
 */
record ArraysById<A>(A[] data, IntFunction<A> make) implements ProgramArrays<A> {
    @Override
    public A of(Tensor t) {
        return data[t.id()];
    }

    @Override
    public A scratch(int floats) {
        return make.apply(floats);
    }

    @Override
    public A standIn() {
        return make.apply(1);
    }

    @Override
    public void write(Tensor t, float[] values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void read(Tensor t, float[] into) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long hostBytes() {
        return 0;
    }

    @Override
    public void close() {
    }
}
