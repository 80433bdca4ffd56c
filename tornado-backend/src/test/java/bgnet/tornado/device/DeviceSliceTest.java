package bgnet.tornado.device;

import bgnet.kernels.BilateralSliceKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The device tier's slicing + regression ({@link DeviceSliceTasks#slicePlanes} then
 * {@link SliceRegressTasks#regress16}) run on the JVM against the reference kernel: BGNet's shape at 384x1280
 * and 64x128, pixel counts that are not a whole number of 16-pixel vectors (and fewer than 16), guides
 * that reach outside the bins, with and without the confidence output. Every pixel is compared to the float:
 * the same samples, costs and exponentials, summed in the same order.
 */
class DeviceSliceTest {
    @ParameterizedTest(name = "grid {0}x{1}, half {2}x{3}, confidence {4}")
    @CsvSource({
            "48, 160, 192, 640, false",
            "48, 160, 192, 640, true",
            "8, 16, 32, 64, true",
            "4, 6, 8, 12, false",
            "3, 5, 5, 7, true",
            "2, 2, 2, 5, true",
            "2, 3, 3, 17, false",
    })
    void matchesTheReferenceKernel(int gh, int gw, int h2, int w2, boolean confidence) {
        int[] p = BilateralSliceKernels.params(25, 32, gh, gw, h2, w2, 97, confidence);
        Random rnd = new Random(gh * 31L + w2);
        float[] grid = random(rnd, 25 * 32 * gh * gw, 20f);
        float[] guide = random(rnd, h2 * w2, 2.2f);
        int n = h2 * w2;
        float[] half = new float[n];
        float[] peak = new float[n];
        for (int i = 0; i < n; i++) {
            BilateralSliceKernels.sliceRegress(grid, guide, half, peak, p, i);
        }
        FloatArray sliced = new FloatArray(DeviceSliceTasks.slicedLength(p));
        FloatArray outHalf = new FloatArray(n);
        FloatArray outPeak = new FloatArray(n);
        outHalf.init(Float.NaN);
        outPeak.init(Float.NaN);
        DeviceSliceTasks.slicePlanes(FloatArray.fromArray(grid), FloatArray.fromArray(guide), sliced, p, n);
        SliceRegressTasks.regress16(sliced, outHalf, outPeak, p, SliceRegressTasks.items16(p));
        for (int i = 0; i < n; i++) {
            assertEquals(half[i], outHalf.get(i), 0f, "disparity of pixel " + i);
            if (confidence) {
                assertEquals(peak[i], outPeak.get(i), 0f, "confidence of pixel " + i);
            } else {
                assertEquals(Float.NaN, outPeak.get(i), "confidence written without being asked for, pixel " + i);
            }
        }
    }

    private static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() - 0.5f) * scale;
        }
        return a;
    }
}
