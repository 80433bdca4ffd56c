package bgnet.tornado;

import bgnet.kernels.Activation;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.backend.ReferenceLaunch;
import bgnet.model.backend.KernelTier;
import bgnet.model.backend.TensorArrays;
import bgnet.model.network.Bilinear;
import bgnet.model.network.Conv;
import bgnet.model.network.ConvGeometry;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.FoldedConv;
import bgnet.model.network.Op;
import bgnet.model.network.ReluAdd;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import bgnet.model.network.View;
import bgnet.model.network.WarpDifference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each op's tasks on both kernel tiers, as a TaskGraph on every TornadoVM device, against the reference
 * kernel run on the JVM ({@link ReferenceLaunch}), on small odd shapes (views at offsets, residuals,
 * strides, every activation): the reference task over heap arrays, and the device tier's task
 * ({@link BlockedConvTask} or {@link ElementTask}) over off-heap arrays. Tensor 0.. are the op's
 * inputs; the last tensor is its output.
 */
class KernelEquivalenceTest {

    /** A test case: the op over tensors with random contents. */
    record Case(String name, Function<Tensor[], Op> op, Tensor... tensors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        int lrelu = Activation.LEAKY_RELU;
        return List.of(
                new Case("conv2d stride 2, views at offsets, leaky ReLU",
                        t -> conv(new View(t[0], 5, 3, 1, 9, 11), null, new View(t[1], 3, 4, 1, 5, 6),
                                new ConvGeometry(false, false, 3, 2, 1, lrelu)), flat(0, 5 + 3 * 99), flat(1, 3 + 120)),
                new Case("conv2d with residual and tanh",
                        t -> conv(t[0].all(), t[1].all(), t[2].all(), new ConvGeometry(false, false, 3, 1, 1, Activation.TANH)),
                        new Tensor(0, 6, 1, 7, 8), new Tensor(1, 4, 1, 7, 8), new Tensor(2, 4, 1, 7, 8)),
                new Case("deconv2d k4 s2",
                        t -> conv(t[0].all(), null, t[1].all(), new ConvGeometry(false, true, 4, 2, 1, Activation.RELU)),
                        new Tensor(0, 3, 1, 5, 6), new Tensor(1, 2, 1, 10, 12)),
                new Case("conv3d stride 2",
                        t -> conv(t[0].all(), null, t[1].all(), new ConvGeometry(true, false, 3, 2, 1, lrelu)),
                        new Tensor(0, 2, 4, 6, 7), new Tensor(1, 3, 4, 3, 4)),
                new Case("conv3d with residual",
                        t -> conv(t[0].all(), t[1].all(), t[2].all(), new ConvGeometry(true, false, 3, 1, 1, Activation.NONE)),
                        new Tensor(0, 3, 3, 5, 4), new Tensor(1, 2, 3, 5, 4), new Tensor(2, 2, 3, 5, 4)),
                new Case("deconv3d stride 2",
                        t -> conv(t[0].all(), null, t[1].all(), new ConvGeometry(true, true, 3, 2, 1, Activation.NONE)),
                        new Tensor(0, 3, 4, 3, 4), new Tensor(1, 2, 4, 6, 8)),
                new Case("group-wise correlation",
                        t -> new Correlation("gwc", Stage.COST_VOLUME, t[0].all(), t[1].all(), t[2].all(), 4, 5),
                        new Tensor(0, 16, 1, 4, 9), new Tensor(1, 16, 1, 4, 9), new Tensor(2, 4, 5, 4, 9)),
                new Case("group-wise correlation, rows of whole and part vectors",
                        t -> new Correlation("gwc", Stage.COST_VOLUME, t[0].all(), t[1].all(), t[2].all(), 4, 20),
                        new Tensor(0, 32, 1, 3, 40), new Tensor(1, 32, 1, 3, 40), new Tensor(2, 4, 20, 3, 40)),
                new Case("slice and regress, fused",
                        t -> new SliceRegress("slice", Stage.SLICE_REGRESS, t[0].all(), t[1].all(), t[2].all(), 25, 32, 97),
                        new Tensor(0, 25, 32, 4, 6), new Tensor(1, 1, 1, 8, 12), new Tensor(2, 1, 1, 8, 12)),
                new Case("slice and regress, pixels not a whole number of vectors",
                        t -> new SliceRegress("slice", Stage.SLICE_REGRESS, t[0].all(), t[1].all(), t[2].all(), 25, 32, 97),
                        new Tensor(0, 25, 32, 3, 5), new Tensor(1, 1, 1, 5, 7), new Tensor(2, 1, 1, 5, 7)),
                new Case("bilinear up x2",
                        t -> new Bilinear("up", Stage.UPSAMPLE, t[0].all(), t[1].all(), 1, 2, 2),
                        new Tensor(0, 1, 1, 5, 7), new Tensor(1, 1, 1, 10, 14)),
                new Case("bilinear down by half",
                        t -> new Bilinear("down", Stage.REFINEMENT, t[0].all(), t[1].all(), 2, 1, 1),
                        new Tensor(0, 1, 1, 10, 14), new Tensor(1, 1, 1, 5, 7)),
                new Case("warp difference",
                        t -> new WarpDifference("warp", Stage.REFINEMENT, t[0].all(), t[1].all(), t[2].all(), t[3].all()),
                        new Tensor(0, 1, 1, 6, 10), new Tensor(1, 1, 1, 6, 10), new Tensor(2, 1, 1, 6, 10),
                        new Tensor(3, 2, 1, 6, 10)),
                new Case("relu add",
                        t -> new ReluAdd("add", Stage.REFINEMENT, t[0].all(), t[1].all(), t[2].all()),
                        new Tensor(0, 1, 1, 5, 9), new Tensor(1, 1, 1, 5, 9), new Tensor(2, 1, 1, 5, 9)),
                new Case("copy into an offset",
                        t -> new Copy("copy", Stage.FEATURES, new View(t[0], 3, 20, 1, 1, 1), new View(t[1], 11, 20, 1, 1, 1)),
                        flat(0, 30), flat(1, 40)));
    }

    static List<String> devices() {
        return TornadoDevices.list().stream().map(d -> d.id()).toList();
    }

    static List<Object[]> casesOnDevices() {
        List<Object[]> out = new ArrayList<>();
        for (String device : devices()) {
            for (KernelTier tier : KernelTier.values()) {
                for (Case c : cases()) {
                    out.add(new Object[] {device, tier, c});
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("casesOnDevices")
    void deviceTaskEqualsTheReferenceKernel(String device, KernelTier tier, Case c) {
        Random random = new Random(c.name().hashCode());
        Tensor[] t = c.tensors();
        float[][] data = new float[t.length][];
        for (int i = 0; i < t.length; i++) {
            data[i] = new float[t[i].size()];
            if (i < t.length - 1) {
                for (int k = 0; k < data[i].length; k++) {
                    data[i][k] = (random.nextFloat() - 0.5f) * (c.name().startsWith("slice") ? 20f : 1f);
                }
            }
        }
        if (c.name().startsWith("warp")) {
            for (int k = 0; k < data[0].length; k++) {
                data[0][k] = (data[0][k] + 0.5f) * 14f - 2f;
            }
        }
        Op op = c.op().apply(t);
        float[] jvm = data[t.length - 1].clone();
        float[] dev = data[t.length - 1].clone();
        try (ParallelLoop loop = new ParallelLoop(1)) {
            ReferenceLaunch.of(op, arrays(data, jvm)).run(new float[0], loop);
        }
        if (tier == KernelTier.REFERENCE) {
            float[][] withOut = data.clone();
            withOut[withOut.length - 1] = dev;
            ArraysById<float[]> arrays = new ArraysById<>(withOut, float[]::new);
            runOnDevice(device, new ReferenceTask(BoundOp.of(op, arrays), arrays), null);
        } else {
            deviceTier(device, op, data, dev);
        }

        // Only the op's output view is compared: the device never copies the rest of the array in.
        View out = op.writes();
        double refMax = 0;
        double max = 0;
        for (int i = out.offset(); i < out.offset() + out.size(); i++) {
            refMax = Math.max(refMax, Math.abs(jvm[i]));
            max = Math.max(max, Math.abs(jvm[i] - dev[i]));
        }
        assertTrue(refMax > 0, c + ": reference is all zeros, the test shape exercises nothing");
        // Same math; only the device compiler's float contraction (fma) may differ in the last bits.
        assertTrue(max <= 1e-5 * refMax, c + ": max|Δ| " + max + " vs max|ref| " + refMax);
    }

    /** The device tier's task for {@code op} over off-heap copies of {@code data}; its output lands in {@code out}. */
    private static void deviceTier(String device, Op op, float[][] data, float[] out) {
        FloatArray[] off = new FloatArray[data.length];
        for (int i = 0; i < data.length; i++) {
            off[i] = FloatArray.fromArray(i == data.length - 1 ? out : data[i]);
        }
        ArraysById<FloatArray> arrays = new ArraysById<>(off, FloatArray::new);
        BoundOp<FloatArray> bound = BoundOp.of(op, arrays);
        DeviceOp<FloatArray> task = op instanceof Conv
                ? BlockedConvTask.of(bound, DeviceGrids.forDevice(TornadoDevices.get(device)), arrays)
                : new ElementTask(bound);
        assertNotNull(task, op + " has no device-tier form");
        runOnDevice(device, task, task.scratchLength() > 0 ? arrays.scratch(task.scratchLength()) : null);
        FloatArray result = off[off.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = result.get(i);
        }
    }

    private static <A> void runOnDevice(String device, DeviceOp<A> op, A scratch) {
        TaskGraph g = new TaskGraph("equivalence")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, op.constants().toArray())
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, op.reads().toArray());
        if (scratch != null) {
            g.transferToDevice(DataTransferMode.FIRST_EXECUTION, scratch);
        }
        GridScheduler grids = new GridScheduler();
        op.addTasks(g, "equivalence", "t", scratch, grids);
        g.transferToHost(DataTransferMode.EVERY_EXECUTION, op.writes());
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(g.snapshot())) {
            plan.withDevice(TornadoDevices.get(device));
            if (op instanceof BlockedConvTask) {
                plan.withGridScheduler(grids);
            }
            plan.execute();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static TensorArrays arrays(float[][] data, float[] out) {
        return t -> t.id() == data.length - 1 ? out : data[t.id()];
    }

    private static Conv conv(View in, View residual, View out, ConvGeometry g) {
        int taps = g.threeD() ? 27 : g.kernel() * g.kernel();
        Random r = new Random(in.c() * 31L + out.c());
        float[] w = new float[in.c() * out.c() * taps];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextFloat() - 0.5f;
        }
        float[] b = new float[out.c()];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextFloat() - 0.5f;
        }
        return new Conv("conv", Stage.FEATURES, in, new FoldedConv(null, w, b), residual, out, g);
    }

    private static Tensor flat(int id, int n) {
        return new Tensor(id, n, 1, 1, 1);
    }
}
