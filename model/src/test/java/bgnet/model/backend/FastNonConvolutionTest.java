package bgnet.model.backend;

import bgnet.model.testing.Comparison;
import bgnet.model.backend.fast.FastOp;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.Op;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import bgnet.model.network.View;
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
        Correlation op = new Correlation("gwc", Stage.COST_VOLUME, new Tensor(0, channels, 1, h, w).all(),
                new Tensor(1, channels, 1, h, w).all(), new Tensor(2, groups, disparities, h, w).all(), groups, disparities);
        compare(op, left, right, 1e-6);
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
        SliceRegress op = new SliceRegress("slice", Stage.SLICE_REGRESS, new Tensor(0, planes, bins, gh, gw).all(),
                new Tensor(1, 1, 1, h2, w2).all(), new Tensor(2, 1, 1, h2, w2).all(), planes, bins, 97);
        // Disparities run 0..96: the exp of the vector path may differ from Math.exp by an ulp.
        compare(op, grid, guide, 1e-5);
    }

    /**
     * With a confidence output: the fast path's confidence against the shared kernel's (the largest softmax
     * probability; exp may differ by an ulp), and its disparity bit for bit the one it computes without.
     */
    @ParameterizedTest(name = "grid {0}x{1}, half {2}x{3}")
    @CsvSource({"6, 9, 24, 36", "16, 32, 64, 128", "4, 5, 16, 17"})
    void slicingWithConfidenceMatches(int gh, int gw, int h2, int w2) {
        Random rnd = new Random(gh * 100L + gw);
        int planes = 25;
        int bins = 32;
        float[] grid = FastConvolutionTest.random(rnd, bins * planes * gh * gw, 8f);
        float[] guide = FastConvolutionTest.random(rnd, h2 * w2, 1f);
        guide[0] = -1f;
        guide[1] = 1f;
        View gridView = new Tensor(0, planes, bins, gh, gw).all();
        View guideView = new Tensor(1, 1, 1, h2, w2).all();
        View half = new Tensor(2, 1, 1, h2, w2).all();
        SliceRegress withConfidence = new SliceRegress("slice", Stage.SLICE_REGRESS, gridView, guideView, half,
                new Tensor(3, 1, 1, h2, w2).all(), planes, bins, 97);
        SliceRegress plain = new SliceRegress("slice", Stage.SLICE_REGRESS, gridView, guideView, half, planes, bins, 97);
        int n = h2 * w2;
        float[] expectedHalf = Comparison.sentinel(n);
        float[] expectedConfidence = Comparison.sentinel(n);
        float[] actualHalf = Comparison.sentinel(n);
        float[] actualConfidence = Comparison.sentinel(n);
        float[] plainHalf = Comparison.sentinel(n);
        try (ParallelLoop loop = new ParallelLoop(2)) {
            ReferenceLaunch.of(withConfidence, arrays(grid, guide, expectedHalf, expectedConfidence)).run(new float[0], loop);
            FastOp.of(withConfidence, arrays(grid, guide, actualHalf, actualConfidence)).run(new float[0], loop);
            FastOp.of(plain, arrays(grid, guide, plainHalf, null)).run(new float[0], loop);
        }
        Comparison.assertClose(expectedConfidence, actualConfidence, 1e-5);
        Comparison.assertClose(expectedHalf, actualHalf, 1e-5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(plainHalf, actualHalf);
        for (float c : actualConfidence) {
            org.junit.jupiter.api.Assertions.assertTrue(c > 0 && c <= 1, "confidence " + c);
        }
    }

    @ParameterizedTest(name = "{2} elements from {0} to {1}")
    @CsvSource({"0, 0, 10", "5, 17, 1000", "3, 0, 200000"})
    void copyMatches(int srcOff, int dstOff, int count) {
        Random rnd = new Random(count);
        float[] src = FastConvolutionTest.random(rnd, srcOff + count + 4, 1f);
        int dstLength = dstOff + count + 7;
        Copy op = new Copy("copy", Stage.FEATURES, new View(FastConvolutionTest.flat(0, src.length), srcOff, count, 1, 1, 1),
                new View(FastConvolutionTest.flat(2, dstLength), dstOff, count, 1, 1, 1));
        float[] expected = Comparison.sentinel(dstLength);
        float[] actual = Comparison.sentinel(dstLength);
        try (ParallelLoop loop = new ParallelLoop(2)) {
            ReferenceLaunch.of(op, arrays(src, null, expected)).run(new float[0], loop);
            FastOp.of(op, arrays(src, null, actual)).run(new float[0], loop);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    /** Ops over tensors 0 and 1 writing tensor 2. */
    private static void compare(Op op, float[] a, float[] b, double tolerance) {
        int size = op.writes().size();
        float[] expected = Comparison.sentinel(size);
        float[] actual = Comparison.sentinel(size);
        FastOp fast = FastOp.of(op, arrays(a, b, actual));
        assertNotNull(fast);
        try (ParallelLoop loop = new ParallelLoop(2)) {
            ReferenceLaunch.of(op, arrays(a, b, expected)).run(new float[0], loop);
            fast.run(new float[fast.scratchSize()], loop);
        }
        Comparison.assertClose(expected, actual, tolerance);
    }

    private static TensorArrays arrays(float[] a, float[] b, float[] out, float[] second) {
        return t -> switch (t.id()) {
            case 0 -> a;
            case 1 -> b;
            case 2 -> out;
            default -> second;
        };
    }

    private static TensorArrays arrays(float[] a, float[] b, float[] out) {
        return t -> switch (t.id()) {
            case 0 -> a;
            case 1 -> b;
            default -> out;
        };
    }
}
