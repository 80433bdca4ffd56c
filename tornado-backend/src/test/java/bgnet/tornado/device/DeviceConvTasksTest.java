package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.device.BlockedConvPlan;
import bgnet.kernels.device.ConvGeometry;
import bgnet.kernels.device.WinogradPlan;
import bgnet.model.BGNetModel;
import bgnet.model.testing.Comparison;
import bgnet.model.network.Conv;
import bgnet.model.network.KernelParams;
import bgnet.model.network.Op;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The device tier's convolution tasks ({@link DeviceConvTasks}: staging, then the vector blocked kernel
 * in both forms, run here on the JVM, where their @Parallel loops run in order) over off-heap arrays
 * against the reference kernels: every convolution shape of BGNet and
 * BGNet+ at 64x128 and 128x256, plus edge cases (widths that are not whole blocks, one channel, tiny
 * grids, offsets, residuals, every activation). Dimension 0 is padded the way a work-group grid pads it.
 */
class DeviceConvTasksTest {
    static final double TOLERANCE = 1e-4;
    /** Dimension-0 padding as a 32-wide work-group would launch it: the padded tail must not store. */
    static final int GROUP = 32;

    /** The four convolution kinds, as the reference kernels name them. */
    enum OpKind { CONV2D, DECONV2D, CONV3D, DECONV3D }

    static OpKind kindOf(Conv c) {
        boolean t = c.geometry().transposed();
        return c.geometry().threeD() ? (t ? OpKind.DECONV3D : OpKind.CONV3D) : (t ? OpKind.DECONV2D : OpKind.CONV2D);
    }

    @TestFactory
    List<DynamicTest> everyNetworkConvolutionShape() throws Exception {
        Map<String, Conv> shapes = new LinkedHashMap<>();
        for (String checkpoint : List.of("bgnet_random.pth", "bgnet_plus_random.pth")) {
            BGNetModel model = BGNetModel.load(Fixtures.file(checkpoint));
            for (int[] size : new int[][] {{64, 128}, {128, 256}}) {
                for (Op op : model.plan(size[0], size[1]).ops()) {
                    if (op instanceof Conv c) {
                        shapes.putIfAbsent(kindOf(c) + Arrays.toString(KernelParams.of(c)), c);
                    }
                }
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        shapes.forEach((key, op) -> tests.add(DynamicTest.dynamicTest(op.name() + " " + key,
                () -> check(kindOf(op), KernelParams.of(op), op.weights().weight(), op.weights().bias(),
                        new Random(key.hashCode())))));
        return tests;
    }

    @ParameterizedTest(name = "{0} in={1} out={2} d={3} {4}x{5} k{6} s{7} p{8} act={9} res={10} off={11}")
    @CsvSource({
            // kind, inC, outC, D, H, W, k, stride, pad, act, residual, offsets
            "CONV2D, 3, 8, 1, 20, 37, 3, 1, 1, 1, false, false",
            "CONV2D, 5, 6, 1, 17, 40, 3, 1, 1, 2, true, true",
            "CONV2D, 4, 5, 1, 9, 13, 3, 2, 1, 0, false, true",
            "CONV2D, 1, 32, 1, 32, 64, 3, 2, 1, 1, false, false",
            "CONV2D, 6, 7, 1, 12, 34, 1, 2, 0, 0, true, false",
            "CONV2D, 7, 3, 1, 11, 19, 1, 1, 0, 2, false, true",
            "CONV2D, 5, 1, 1, 10, 21, 1, 1, 0, 3, false, false",
            "CONV2D, 4, 1, 1, 8, 30, 3, 1, 1, 0, true, true",
            "CONV2D, 3, 4, 1, 3, 5, 3, 2, 1, 1, false, false",
            "CONV2D, 2, 9, 1, 1, 1, 3, 1, 1, 1, false, false",
            "CONV2D, 1, 1, 1, 1, 3, 3, 1, 1, 1, false, false",
            "CONV2D, 33, 17, 1, 12, 70, 3, 1, 1, 1, false, false",
            "CONV2D, 3, 20, 1, 2, 2, 3, 1, 1, 3, true, true",
            "CONV2D, 2, 40, 1, 6, 34, 3, 1, 1, 2, true, false",
            "CONV2D, 17, 1, 1, 4, 18, 3, 1, 1, 0, false, true",
            "DECONV2D, 3, 2, 1, 3, 20, 4, 2, 1, 3, true, false",
            "DECONV2D, 6, 5, 1, 7, 11, 4, 2, 1, 1, true, true",
            "DECONV2D, 1, 9, 1, 1, 1, 4, 2, 1, 1, false, false",
            "DECONV2D, 3, 2, 1, 5, 6, 3, 1, 1, 2, false, false",
            "DECONV2D, 4, 3, 1, 5, 20, 3, 2, 1, 1, true, true",
            "CONV3D, 5, 6, 4, 10, 21, 3, 1, 1, 2, false, true",
            "CONV3D, 3, 4, 1, 2, 2, 3, 1, 1, 0, true, false",
            "CONV3D, 5, 17, 3, 6, 8, 3, 1, 1, 2, true, true",
            "CONV3D, 4, 9, 3, 7, 9, 3, 2, 1, 2, true, false",
            "CONV3D, 1, 1, 2, 1, 1, 3, 2, 1, 2, false, true",
            "DECONV3D, 5, 6, 2, 3, 17, 3, 2, 1, 2, true, false",
            "DECONV3D, 6, 5, 3, 4, 9, 3, 2, 1, 0, true, true",
            "DECONV3D, 1, 1, 2, 1, 1, 3, 2, 1, 0, false, false",
            "DECONV3D, 4, 3, 3, 5, 7, 3, 1, 1, 2, false, true",
    })
    void edgeCases(OpKind kind, int inC, int outC, int d, int h, int w, int k, int stride, int pad, int act,
                   boolean residual, boolean offsets) {
        Random rnd = new Random(inC * 31L + outC * 7L + h * 3L + w + k + stride + act);
        boolean threeD = kind == OpKind.CONV3D || kind == OpKind.DECONV3D;
        boolean transposed = kind == OpKind.DECONV2D || kind == OpKind.DECONV3D;
        int oh = outSize(h, k, stride, pad, transposed, threeD);
        int ow = outSize(w, k, stride, pad, transposed, threeD);
        int inOff = offsets ? 37 : 0;
        int outOff = offsets ? 11 : 0;
        int resOff = residual ? (offsets ? 5 : 0) : -1;
        int[] p = threeD
                ? Conv3dKernels.params(inOff, inC, d, h, w, outOff, outC, d, oh, ow, k, stride, pad, act, resOff)
                : Conv2dKernels.params(inOff, inC, h, w, outOff, outC, oh, ow, k, stride, pad, act, resOff);
        int taps = threeD ? k * k * k : k * k;
        float[] weight = random(rnd, inC * outC * taps, (float) (1 / Math.sqrt(inC * taps)));
        check(kind, p, weight, random(rnd, outC, 0.5f), rnd);
    }

    /** Runs the reference and the device tier on the same random input (and residual), at the op's offsets. */
    private static void check(OpKind kind, int[] p, float[] weight, float[] bias, Random rnd) {
        boolean threeD = kind == OpKind.CONV3D || kind == OpKind.DECONV3D;
        boolean transposed = kind == OpKind.DECONV2D || kind == OpKind.DECONV3D;
        ConvGeometry g = threeD ? ConvGeometry.of3d(p, transposed) : ConvGeometry.of2d(p, transposed);
        int inLength = g.inOff() + g.inC() * g.inD() * g.inH() * g.inW() + 7;
        int outSize = g.outC() * g.outVolume();
        float[] in = random(rnd, inLength, 1f);
        float[] res = g.resOff() >= 0 ? random(rnd, g.resOff() + outSize + 3, 1f) : new float[1];
        int outLength = g.outOff() + outSize + 5;
        float[] expected = Comparison.sentinel(outLength);
        for (int i = 0; i < outSize; i++) {
            switch (kind) {
                case CONV2D -> Conv2dKernels.conv2d(in, weight, bias, res, expected, p, i);
                case DECONV2D -> Conv2dKernels.deconv2d(in, weight, bias, res, expected, p, i);
                case CONV3D -> Conv3dKernels.conv3d(in, weight, bias, res, expected, p, i);
                case DECONV3D -> Conv3dKernels.deconv3d(in, weight, bias, res, expected, p, i);
            }
        }
        BlockedConvPlan plan = BlockedConvPlan.of(g, weight, bias);
        // The blocked forms apply the activation by its slope, which tanh has not: DeviceGrids sends tanh
        // layers to the narrow form (DeviceGridsTest), so the blocked forms are held to the other kinds.
        boolean blocked = g.act() != Activation.TANH;
        // Output-channel blocks come in pairs (the plan pads them), so the 16-channel forms serve every shape.
        // The narrow form (a vector across positions, one channel per work-item) serves every shape too.
        for (Form form : new Form[] {Form.BLOCKED, Form.PAIRS, Form.WIDE, Form.NARROW}) {
            if (form != Form.NARROW && !blocked) {
                continue;
            }
            float[] result = Comparison.sentinel(outLength);
            runDeviceTier(plan, in, res, result, form);
            Comparison.assertClose(expected, result, TOLERANCE);
        }
        if (WinogradPlan.supports(g)) {
            float[] winograd = Comparison.sentinel(outLength);
            runWinograd(WinogradPlan.of(g, weight, bias), plan, in, res, winograd);
            Comparison.assertClose(expected, winograd, TOLERANCE);
        }
        // 32 channels per work-item: a plan padded to whole groups of 32.
        if (!blocked) {
            return;
        }
        float[] widePairs = Comparison.sentinel(outLength);
        runDeviceTier(BlockedConvPlan.of(g, weight, bias, 32), in, res, widePairs, Form.WIDE_PAIRS);
        Comparison.assertClose(expected, widePairs, TOLERANCE);
    }

    /** The blocked kernels: 8-wide vectors (8 or 16 channels per work-item), 16-wide (16 or 32). */
    enum Form {
        BLOCKED(8), PAIRS(16), WIDE(16), WIDE_PAIRS(32), NARROW(1);

        final int channels;

        Form(int channels) {
            this.channels = channels;
        }
    }

    /** The two launches as a device runs them, padded like a grid of GROUP-wide groups; the staged buffer starts dirty. */
    static void runDeviceTier(BlockedConvPlan plan, float[] input, float[] residual, float[] output, Form form) {
        FloatArray staged = new FloatArray(plan.stagedLength(GROUP));
        staged.init(Float.NaN);
        FloatArray in = FloatArray.fromArray(input);
        FloatArray res = FloatArray.fromArray(residual);
        FloatArray out = FloatArray.fromArray(output);
        FloatArray bias = FloatArray.fromArray(plan.paddedBias());
        // The rows past the end must not write.
        DeviceConvTasks.stage(in, staged, plan.stageParams(), Math.ceilDiv(plan.stagedLayout().rows(), GROUP) * GROUP);
        int workItems = plan.paddedWorkItems(GROUP);
        int items = form == Form.NARROW ? NarrowConvTasks.items(plan.params()) : plan.channelGroups(form.channels);
        switch (form) {
            case BLOCKED -> DeviceConvTasks.blocked(staged, plan.offsets(), DeviceConvTasks.vectors(plan.packedWeights()),
                    bias, res, out, plan.params(), workItems, items);
            case PAIRS -> DeviceConvTasks.blockedPairs(staged, plan.offsets(),
                    DeviceConvTasks.vectors(plan.packedWeights()), bias, res, out, plan.params(), workItems, items);
            case WIDE -> WideConvTasks.wide(staged, plan.offsets(), WideConvTasks.vectors(plan.packedWeights16()), bias,
                    res, out, plan.params(), workItems, items);
            case WIDE_PAIRS -> WideConvTasks.widePairs(staged, plan.offsets(),
                    WideConvTasks.vectors(plan.packedWeights16()), bias, res, out, plan.params(), workItems, items);
            case NARROW -> NarrowConvTasks.narrow(staged, plan.offsets(), FloatArray.fromArray(plan.packedWeights()),
                    bias, res, out, plan.params(), workItems, items);
        }
        for (int i = 0; i < output.length; i++) {
            output[i] = out.get(i);
        }
    }

    /** Staging (the blocked plan's, which Winograd shares), then the Winograd task over tiles padded to GROUP. */
    static void runWinograd(WinogradPlan wino, BlockedConvPlan plan, float[] input, float[] residual, float[] output) {
        FloatArray staged = new FloatArray(plan.stagedLength(GROUP));
        staged.init(Float.NaN);
        FloatArray out = FloatArray.fromArray(output);
        DeviceConvTasks.stage(FloatArray.fromArray(input), staged, plan.stageParams(),
                Math.ceilDiv(plan.stagedLayout().rows(), GROUP) * GROUP);
        WinogradTasks.winograd(staged, WinogradTasks.vectors(wino.transformedWeights()),
                FloatArray.fromArray(wino.paddedBias()), FloatArray.fromArray(residual), out, wino.params(),
                Math.ceilDiv(wino.tiles(), GROUP) * GROUP, wino.blocks());
        for (int i = 0; i < output.length; i++) {
            output[i] = out.get(i);
        }
    }

    static float[] random(Random rnd, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * scale;
        }
        return a;
    }

    private static int outSize(int in, int k, int stride, int pad, boolean transposed, boolean threeD) {
        if (transposed) {
            return threeD ? in * stride : (in - 1) * stride - 2 * pad + k;
        }
        return (in + 2 * pad - k) / stride + 1;
    }
}
