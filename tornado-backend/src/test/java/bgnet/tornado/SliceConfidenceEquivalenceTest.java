package bgnet.tornado;

import bgnet.model.backend.KernelTier;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.backend.ReferenceLaunch;
import bgnet.model.network.Bilinear;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.model.network.ProgramBuilder;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slicing + regression with its confidence output, as a task of each kernel tier on every TornadoVM
 * device ({@link ReferenceTask} over heap arrays, the device tier's {@link ElementTask} over off-heap
 * arrays), against the reference kernel on the JVM: both outputs, in the style of {@link KernelEquivalenceTest}
 * (which covers the disparity-only op).
 */
class SliceConfidenceEquivalenceTest {
    private static final int H2 = 7;
    private static final int W2 = 13;

    static List<Object[]> tiersOnDevices() {
        List<Object[]> out = new ArrayList<>();
        for (String device : KernelEquivalenceTest.devices()) {
            for (KernelTier tier : KernelTier.values()) {
                out.add(new Object[] {device, tier});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tiersOnDevices")
    void deviceTaskWritesTheReferenceConfidence(String device, KernelTier tier) {
        Tensor[] t = {new Tensor(0, 25, 32, 4, 6), new Tensor(1, 1, 1, H2, W2), new Tensor(2, 1, 1, H2, W2),
                new Tensor(3, 1, 1, H2, W2)};
        SliceRegress op = new SliceRegress("slice", Stage.SLICE_REGRESS, t[0].all(), t[1].all(), t[2].all(), t[3].all(),
                25, 32, 97);
        Random random = new Random(18);
        float[][] data = new float[t.length][];
        for (int i = 0; i < t.length; i++) {
            data[i] = new float[t[i].size()];
            for (int k = 0; i < 2 && k < data[i].length; k++) {
                data[i][k] = (random.nextFloat() - 0.5f) * (i == 0 ? 20f : 2.2f);
            }
        }
        float[][] jvm = copy(data);
        try (ParallelLoop loop = new ParallelLoop(1)) {
            ReferenceLaunch.of(op, tensor -> jvm[tensor.id()]).run(new float[0], loop);
        }
        float[][] dev = tier == KernelTier.REFERENCE ? referenceTier(device, op, copy(data)) : deviceTier(device, op, data);
        assertClose("disparity", jvm[2], dev[2]);
        assertClose("confidence", jvm[3], dev[3]);
        double lowest = 1;
        double highest = 0;
        for (float c : dev[3]) {
            assertTrue(c > 0 && c <= 1, "confidence " + c + " is not in (0, 1]");
            lowest = Math.min(lowest, c);
            highest = Math.max(highest, c);
        }
        assertTrue(lowest < 0.2 && highest > 0.5, "the data should give flat and peaked pixels: " + lowest + ".." + highest);
    }

    /**
     * The confidence computed by each tier's slicing task on the device, fed PyTorch's own grid and guide (the
     * fixtures) and upsampled by the reference kernel, within 1e-4 of PyTorch's confidence: the computation
     * itself on every tier, apart from the float32 differences a whole network accumulates upstream.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tiersOnDevices")
    void confidenceFromPyTorchsGridAndGuideMatchesPyTorch(String device, KernelTier tier) throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth", true);
        SliceRegress slice = only(program, SliceRegress.class);
        Bilinear upsample = null;
        for (Op op : program.ops()) {
            if (op instanceof Bilinear b && op.name().equals("upsample_confidence")) {
                upsample = b;
            }
        }
        float[][] data = new float[program.tensors().size()][];
        data[slice.grid().tensor().id()] = Fixtures.gridInOurOrder(Fixtures.f32("bgnet_small_coeffs.f32"),
                ProgramBuilder.DISPARITIES, ProgramBuilder.GUIDANCE_BINS, (FixtureRun.H / 8) * (FixtureRun.W / 8));
        data[slice.guide().tensor().id()] = Fixtures.f32("bgnet_small_guide.f32");
        data[slice.half().tensor().id()] = new float[slice.half().tensor().size()];
        data[slice.confidence().tensor().id()] = new float[slice.confidence().tensor().size()];
        float[][] dev = tier == KernelTier.REFERENCE ? referenceTier(device, slice, data) : deviceTier(device, slice, data);
        float[] confidence = new float[program.confidence().size()];
        dev[program.confidence().id()] = confidence;
        try (ParallelLoop loop = new ParallelLoop(1)) {
            ReferenceLaunch.of(upsample, tensor -> dev[tensor.id()]).run(new float[0], loop);
        }
        System.out.println("confidence from PyTorch's grid, " + tier + " tier on " + device + ": "
                + Fixtures.assertConfidence("confidence", confidence, Fixtures.f32("bgnet_small_confidence.f32"), 1e-4));
    }

    private static <T extends Op> T only(NetworkProgram program, Class<T> type) {
        return program.ops().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** Same math; only the device compiler's float contraction (fma) may differ in the last bits. */
    private static void assertClose(String what, float[] expected, float[] actual) {
        double max = 0;
        double refMax = 0;
        for (int i = 0; i < expected.length; i++) {
            refMax = Math.max(refMax, Math.abs(expected[i]));
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(refMax > 0, what + ": the reference is all zeros");
        assertTrue(max <= 1e-5 * refMax, what + ": max|Δ| " + max + " vs max|ref| " + refMax);
    }

    private static float[][] referenceTier(String device, SliceRegress op, float[][] data) {
        ArraysById<float[]> arrays = new ArraysById<>(data, float[]::new);
        run(device, new ReferenceTask(BoundOp.of(op, arrays), arrays), null);
        return data;
    }

    private static float[][] deviceTier(String device, SliceRegress op, float[][] data) {
        FloatArray[] off = new FloatArray[data.length];
        for (int i = 0; i < data.length; i++) {
            off[i] = data[i] == null ? null : FloatArray.fromArray(data[i]);
        }
        ArraysById<FloatArray> arrays = new ArraysById<>(off, FloatArray::new);
        ElementTask task = new ElementTask(BoundOp.of(op, arrays));
        run(device, task, arrays.scratch(task.scratchLength()));
        float[][] out = new float[off.length][];
        for (int i = 0; i < off.length; i++) {
            out[i] = off[i] == null ? null : off[i].toHeapArray();
        }
        return out;
    }

    /** Runs {@code op}; {@code scratch} is its working memory (null when it needs none). */
    private static <A> void run(String device, DeviceOp<A> op, A scratch) {
        TaskGraph g = new TaskGraph("confidence")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, op.constants().toArray())
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, op.reads().toArray());
        if (scratch != null) {
            g.transferToDevice(DataTransferMode.FIRST_EXECUTION, scratch);
        }
        op.addTasks(g, "confidence", "t", scratch, new GridScheduler());
        g.transferToHost(DataTransferMode.EVERY_EXECUTION, op.outputs().toArray());
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(g.snapshot())) {
            plan.withDevice(TornadoDevices.get(device));
            plan.execute();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static float[][] copy(float[][] data) {
        float[][] out = new float[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i].clone();
        }
        return out;
    }
}
