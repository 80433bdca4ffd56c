package bgnet.tornado.device;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.CostVolumeKernels;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.Arrays;
import java.util.Random;

/**
 * The device tier's correlation and slicing + regression alone on the default TornadoVM device, at BGNet's
 * 384x1280 shapes: median ms of the kernel (data stays on the device). Not a test: run by hand, e.g.
 * <pre>
 * java @$TORNADOVM_HOME/tornado-argfile -Dtornado.recover.bailout=False \
 *   -cp tornado-backend/target/test-classes:tornado-backend/target/classes:model/target/classes:tornado-kernels/target/classes \
 *   bgnet.tornado.device.SliceCorrelationBench 10 [confidence]
 * </pre>
 */
public final class SliceCorrelationBench {
    private SliceCorrelationBench() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        boolean confidence = Arrays.asList(args).contains("confidence");
        Random rnd = new Random(1);
        int[] cp = CostVolumeKernels.params(352, 44, 25, 48, 160);
        FloatArray left = random(rnd, 352 * 48 * 160, 1f);
        FloatArray right = random(rnd, 352 * 48 * 160, 1f);
        FloatArray volume = new FloatArray(CostVolumeKernels.size(cp));
        TaskGraph cg = new TaskGraph("corr")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, left, right, volume, cp)
                .task("t", DeviceElementTasks::correlation, left, right, volume, cp, DeviceElementTasks.correlationItems(cp))
                .transferToHost(DataTransferMode.UNDER_DEMAND, volume);
        time("correlation", cg, runs);

        int[] sp = BilateralSliceKernels.params(25, 32, 48, 160, 192, 640, 97, confidence);
        FloatArray grid = random(rnd, 25 * 32 * 48 * 160, 20f);
        FloatArray guide = random(rnd, 192 * 640, 2f);
        FloatArray half = new FloatArray(192 * 640);
        FloatArray conf = new FloatArray(confidence ? 192 * 640 : 1);
        FloatArray sliced = new FloatArray(DeviceSliceTasks.slicedLength(sp));
        TaskGraph sg = new TaskGraph("slice")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, grid, guide, half, conf, sliced, sp)
                .task("s", DeviceSliceTasks::slicePlanes, grid, guide, sliced, sp, 192 * 640)
                .task("r", SliceRegressTasks::regress16, sliced, half, conf, sp, SliceRegressTasks.items16(sp))
                .transferToHost(DataTransferMode.UNDER_DEMAND, half);
        time("slice+regress" + (confidence ? " with confidence" : ""), sg, runs);
        TaskGraph planes = new TaskGraph("planes")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, grid, guide, sliced, sp)
                .task("s", DeviceSliceTasks::slicePlanes, grid, guide, sliced, sp, 192 * 640)
                .transferToHost(DataTransferMode.UNDER_DEMAND, sliced);
        time("  of which slicing alone", planes, runs);
    }

    private static void time(String what, TaskGraph g, int runs) {
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(g.snapshot())) {
            plan.execute();
            double[] ms = new double[runs];
            double cpu0 = ConvLayerBench.cpuMillis();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                plan.execute();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            double cpu = (ConvLayerBench.cpuMillis() - cpu0) / runs;
            Arrays.sort(ms);
            System.out.printf("%s: median %.1f ms, min %.1f ms, cpu %.0f ms/run%n", what, ms[runs / 2], ms[0], cpu);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FloatArray random(Random rnd, int n, float scale) {
        FloatArray a = new FloatArray(n);
        for (int i = 0; i < n; i++) {
            a.set(i, (rnd.nextFloat() - 0.5f) * scale);
        }
        return a;
    }
}
