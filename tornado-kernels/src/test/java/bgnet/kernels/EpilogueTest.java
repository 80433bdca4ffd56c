package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The convolution store: activation first, then the residual at its own offset, into the output at its offset. */
class EpilogueTest {

    @Test
    void withoutResidualStoresTheActivatedValueAtTheOutputOffset() {
        float[] res = {100f, 100f, 100f, 100f};   // must be ignored when resOff < 0
        float[] out = {9f, 9f, 9f, 9f};
        Epilogue.store(-2f, Activation.RELU, res, -1, out, 1, 2);
        Epilogue.store(-2f, Activation.LEAKY_RELU, res, -1, out, 1, 0);
        assertArrayEquals(new float[] {9f, -0.2f, 9f, 0f}, out, 1e-7f);
    }

    /** act(v) + res, not act(v + res): relu(-2) + 5 = 5, where relu(-2 + 5) would be 3. */
    @Test
    void residualIsAddedAfterTheActivation() {
        float[] res = {0f, 0f, 0f, 5f, 0f, -1f};
        float[] out = new float[4];
        Epilogue.store(-2f, Activation.RELU, res, 2, out, 0, 1);
        Epilogue.store(0.5f, Activation.NONE, res, 2, out, 0, 3);
        assertArrayEquals(new float[] {0f, 5f, 0f, -0.5f}, out, 0f);
    }
}
