package bgnet.tornado.device;

import bgnet.kernels.CostVolumeKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The device tier's correlation ({@link DeviceElementTasks#correlation}, 16 columns per work-item) run on
 * the JVM against the reference kernel: BGNet's shape at 384x1280 and 64x128, and rows shorter than a
 * chunk, not whole chunks, disparities past the row's end and groups of a size that is not a power of
 * two. Every output is compared, to the float (the same products summed in the same order).
 */
class DeviceCorrelationTest {
    @ParameterizedTest(name = "channels={0} groups={1} disparities={2} {3}x{4}")
    @CsvSource({
            "352, 44, 25, 48, 160",
            "352, 44, 25, 8, 16",
            "16, 2, 5, 3, 7",
            "24, 3, 20, 2, 37",
            "9, 3, 4, 2, 33",
            "8, 1, 1, 1, 16",
            "8, 2, 3, 1, 1",
    })
    void matchesTheReferenceKernel(int channels, int groups, int disparities, int h, int w) {
        int[] p = CostVolumeKernels.params(channels, groups, disparities, h, w);
        Random rnd = new Random(channels * 31L + w);
        float[] left = random(rnd, channels * h * w);
        float[] right = random(rnd, channels * h * w);
        int n = CostVolumeKernels.size(p);
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            CostVolumeKernels.groupwiseCorrelation(left, right, expected, p, i);
        }
        FloatArray out = new FloatArray(n);
        out.init(Float.NaN);
        DeviceElementTasks.correlation(FloatArray.fromArray(left), FloatArray.fromArray(right), out, p,
                DeviceElementTasks.correlationItems(p));
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], out.get(i), 0f, "element " + i);
        }
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextFloat() * 2 - 1;
        }
        return a;
    }
}
