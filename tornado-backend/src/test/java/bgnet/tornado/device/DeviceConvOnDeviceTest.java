package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.device.ConvGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device tier's convolution (staging + vector blocked kernel) on the default TornadoVM device
 * against the reference kernels run on the JVM: every kind, stride 1 and 2, kernels 1/3/4, widths that
 * are not whole blocks, one channel, channel counts that are not whole blocks, offsets, residuals and
 * every activation, plus BGNet layer shapes at a 64x128 input. A bailout to Java fails (the tests run
 * with tornado.recover.bailout=False).
 */
class DeviceConvOnDeviceTest {
    @ParameterizedTest(name = "{0} in={1} out={2} d={3} {4}x{5} k{6} s{7} p{8} act={9} res={10} off={11}")
    @CsvSource({
            // kind, inC, outC, D, H, W, k, stride, pad, act, residual, offsets
            "CONV2D, 5, 6, 1, 17, 40, 3, 1, 1, 2, true, true",
            "CONV2D, 4, 5, 1, 9, 13, 3, 2, 1, 0, false, true",
            "CONV2D, 1, 32, 1, 32, 64, 3, 2, 1, 1, false, false",
            "CONV2D, 6, 7, 1, 12, 34, 1, 2, 0, 0, true, false",
            "CONV2D, 5, 1, 1, 10, 21, 1, 1, 0, 3, false, false",
            "CONV2D, 7, 1, 1, 10, 22, 3, 1, 1, 0, true, true",
            "DECONV2D, 3, 2, 1, 5, 7, 4, 2, 1, 2, false, true",
            "CONV2D, 2, 9, 1, 1, 1, 3, 1, 1, 1, false, false",
            "CONV2D, 32, 32, 1, 32, 64, 3, 1, 1, 1, true, false",
            "CONV2D, 20, 40, 1, 6, 34, 3, 1, 1, 2, true, true",
            "CONV2D, 3, 17, 1, 2, 2, 3, 1, 1, 3, false, true",
            "CONV2D, 64, 96, 1, 2, 4, 3, 2, 1, 1, false, false",
            "DECONV2D, 6, 5, 1, 7, 11, 4, 2, 1, 1, true, true",
            "DECONV2D, 96, 64, 1, 1, 2, 4, 2, 1, 1, false, false",
            "CONV3D, 5, 6, 4, 10, 21, 3, 1, 1, 2, false, true",
            "CONV3D, 44, 32, 25, 8, 16, 3, 1, 1, 2, false, false",
            "CONV3D, 6, 20, 3, 4, 6, 3, 1, 1, 2, true, true",
            "CONV3D, 16, 32, 25, 8, 16, 3, 2, 1, 2, true, false",
            "DECONV3D, 6, 5, 3, 4, 9, 3, 2, 1, 0, true, true",
            "DECONV3D, 64, 32, 25, 2, 4, 3, 2, 1, 0, true, false",
    })
    void matchesTheReference(String kind, int inC, int outC, int d, int h, int w, int k, int stride, int pad, int act,
                             boolean residual, boolean offsets) {
        Random rnd = new Random(inC * 31L + outC * 7L + h * 3L + w + k + stride + act);
        boolean threeD = kind.endsWith("3D");
        boolean transposed = kind.startsWith("DECONV");
        int oh = transposed ? (threeD ? h * stride : (h - 1) * stride - 2 * pad + k) : (h + 2 * pad - k) / stride + 1;
        int ow = transposed ? (threeD ? w * stride : (w - 1) * stride - 2 * pad + k) : (w + 2 * pad - k) / stride + 1;
        int inOff = offsets ? 37 : 0;
        int outOff = offsets ? 11 : 0;
        int resOff = residual ? (offsets ? 5 : 0) : -1;
        int[] p = threeD
                ? Conv3dKernels.params(inOff, inC, d, h, w, outOff, outC, d, oh, ow, k, stride, pad, act, resOff)
                : Conv2dKernels.params(inOff, inC, h, w, outOff, outC, oh, ow, k, stride, pad, act, resOff);
        ConvGeometry g = threeD ? ConvGeometry.of3d(p, transposed) : ConvGeometry.of2d(p, transposed);
        int outSize = outC * g.outVolume();
        float[] in = random(rnd, inOff + inC * d * h * w + 3, 1f);
        float[] weight = random(rnd, inC * outC * g.taps(), (float) (1 / Math.sqrt(inC * g.taps())));
        float[] bias = random(rnd, outC, 0.5f);
        float[] res = residual ? random(rnd, resOff + outSize + 3, 1f) : new float[1];
        float[] expected = new float[outOff + outSize + 5];
        Arrays.fill(expected, 1234.5f);
        for (int i = 0; i < outSize; i++) {
            switch (kind) {
                case "CONV2D" -> Conv2dKernels.conv2d(in, weight, bias, res, expected, p, i);
                case "DECONV2D" -> Conv2dKernels.deconv2d(in, weight, bias, res, expected, p, i);
                case "CONV3D" -> Conv3dKernels.conv3d(in, weight, bias, res, expected, p, i);
                default -> Conv3dKernels.deconv3d(in, weight, bias, res, expected, p, i);
            }
        }
        // Every profile: 8-wide vectors, 16 channels per item in groups of 16 (CPU); 16-wide, 16 or 32 channels (CPU_WIDE), with Winograd (CPU_WINOGRAD); 8 channels in groups of 128 (GPU).
        for (DeviceGrids grids : new DeviceGrids[] {DeviceGrids.CPU, DeviceGrids.CPU_WIDE, DeviceGrids.CPU_WINOGRAD,
            DeviceGrids.GPU}) {
            float[] actual = new float[expected.length];
            Arrays.fill(actual, 1234.5f);
            runOnDevice(DeviceConv.of(g, weight, bias, grids), in, res, actual);
            assertClose(expected, actual, outOff, outOff + outSize, grids.toString());
        }
    }

    /**
     * Compares the output view [from, to). Outside it the JVM tests check that nothing is written: here
     * TornadoVM copies an array a task only writes (the narrow form's output) back whole without ever
     * copying it in, so the device's own contents come back there.
     */
    private static void assertClose(float[] expected, float[] actual, int from, int to, String what) {
        double max = 0;
        double refMax = 0;
        for (int i = from; i < to; i++) {
            if (expected[i] == 1234.5f || actual[i] == 1234.5f) {
                assertEquals(expected[i], actual[i], what + ": element " + i + " of the output view not written");
                continue;
            }
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
            refMax = Math.max(refMax, Math.abs(expected[i]));
        }
        assertTrue(refMax > 0, "nothing computed");
        assertTrue(max <= 1e-4 * refMax, what + ": max|Δ| " + max + " vs max|ref| " + refMax);
    }

    private static void runOnDevice(DeviceConv conv, float[] input, float[] residual, float[] output) {
        FloatArray scratch = conv.newScratch();
        scratch.init(Float.NaN);
        FloatArray in = FloatArray.fromArray(input);
        FloatArray res = FloatArray.fromArray(residual);
        FloatArray out = FloatArray.fromArray(output);
        TaskGraph g = new TaskGraph("conv")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, conv.constants().toArray())
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, in, res, out, scratch);
        conv.addTasks(g, "c", in, res, out, scratch);
        g.transferToHost(DataTransferMode.EVERY_EXECUTION, out);
        GridScheduler grids = new GridScheduler();
        conv.addGrid(grids, "conv", "c");
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(g.snapshot())) {
            plan.withGridScheduler(grids).execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        MemorySegment.copy(out.getSegment(), ValueLayout.JAVA_FLOAT_UNALIGNED, 0, output, 0, output.length);
    }

    private static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return a;
    }
}
