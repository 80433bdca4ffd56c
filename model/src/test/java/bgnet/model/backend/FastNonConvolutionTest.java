package bgnet.model.backend;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.model.backend.fast.FastOp;
import bgnet.model.network.Op;
import bgnet.model.network.OpKind;
import bgnet.model.network.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The fast correlation volume and slicing + regression against their shared kernels on random data. */
class FastNonConvolutionTest {

    @ParameterizedTest(name = "channels={0} groups={1} disparities={2} {3}x{4}")
    @CsvSource({"16, 2, 5, 3, 21", "24, 3, 10, 4, 7", "352, 44, 25, 2, 40", "8, 1, 3, 1, 16"})
    void correlationMatches(int channels, int groups, int disparities, int h, int w) {
        Random rnd = new Random(channels + 7L * w);
        float[] left = FastConvolutionTest.random(rnd, channels * h * w, 3f);
        float[] right = FastConvolutionTest.random(rnd, channels * h * w, 3f);
        int[] p = CostVolumeKernels.params(channels, groups, disparities, h, w);
        int size = CostVolumeKernels.size(p);
        compare(OpKind.GWC_VOLUME, p, size, left, right, Comparison.sentinel(size), Comparison.sentinel(size), 1e-6);
    }

    @ParameterizedTest(name = "grid {0}x{1}, half {2}x{3}")
    @CsvSource({"6, 9, 24, 36", "16, 32, 64, 128", "2, 3, 8, 12", "4, 5, 16, 17"})
    void slicingAndRegressionMatch(int gh, int gw, int h2, int w2) {
        Random rnd = new Random(gh * 100L + gw);
        int planes = 25;
        int bins = 32;
        float[] grid = FastConvolutionTest.random(rnd, bins * planes * gh * gw, 8f);
        float[] guide = FastConvolutionTest.random(rnd, h2 * w2, 1f);
        // The guide's extremes put the z taps off the grid on either side.
        guide[0] = -1f;
        guide[1] = 1f;
        guide[w2 + 2] = 0.9999f;
        int[] p = BilateralSliceKernels.params(planes, bins, gh, gw, h2, w2, 97);
        int size = BilateralSliceKernels.size(p);
        // Disparities run 0..96: the exp of the vector path may differ from Math.exp by an ulp.
        compare(OpKind.SLICE_REGRESS, p, size, grid, guide, Comparison.sentinel(size), Comparison.sentinel(size), 1e-5);
    }

    @ParameterizedTest(name = "{2} elements from {0} to {1}")
    @CsvSource({"0, 0, 10", "5, 17, 1000", "3, 0, 200000"})
    void copyMatches(int srcOff, int dstOff, int count) {
        Random rnd = new Random(count);
        float[] src = FastConvolutionTest.random(rnd, srcOff + count + 4, 1f);
        int[] p = bgnet.kernels.TensorKernels.params(srcOff, dstOff, count);
        float[] expected = Comparison.sentinel(dstOff + count + 7);
        float[] actual = Comparison.sentinel(dstOff + count + 7);
        Op reference = new Op("ref", Stage.FEATURES, OpKind.COPY, new float[][] {src, expected}, p, count);
        Op fast = new Op("fast", Stage.FEATURES, OpKind.COPY, new float[][] {src, actual}, p, count);
        try (ParallelLoop loop = new ParallelLoop(2)) {
            JvmBackend.execute(reference, loop);
            FastOp.of(fast).run(fast.arrays(), new float[0], loop);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    private static void compare(OpKind kind, int[] p, int size, float[] a, float[] b, float[] expected, float[] actual,
                                double tolerance) {
        Op reference = new Op("ref", Stage.COST_VOLUME, kind, new float[][] {a, b, expected}, p, size);
        Op fast = new Op("fast", Stage.COST_VOLUME, kind, new float[][] {a, b, actual}, p, size);
        FastOp op = FastOp.of(fast);
        assertNotNull(op);
        try (ParallelLoop loop = new ParallelLoop(2)) {
            JvmBackend.execute(reference, loop);
            op.run(fast.arrays(), new float[op.scratchSize()], loop);
        }
        Comparison.assertClose(expected, actual, tolerance);
    }
}
