package bgnet.tornado.device;

import bgnet.kernels.device.ConvGeometry;
import bgnet.model.BGNetModel;
import bgnet.model.network.Conv;
import bgnet.model.network.KernelParams;
import bgnet.model.network.Op;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Every convolution of a network plan on the device tier, one distinct shape at a time with the
 * checkpoint's weights, timed on the default TornadoVM device and summed over the plan (times the
 * number of ops of each shape): the convolutions' share of a frame, per op kind. Not a test; run by hand:
 * <pre>
 * mvn -B -ntp -q -Ptornado -DskipTests package
 * java @$TORNADOVM_HOME/tornado-argfile -Dtornado.recover.bailout=False \
 *   -cp tornado-backend/target/test-classes:tornado-backend/target/classes:model/target/classes:tornado-kernels/target/classes:$HOME/.m2/repository/net/razorvine/pickle/1.5/pickle-1.5.jar \
 *   bgnet.tornado.device.NetworkConvBench CHECKPOINT.pth 384 1280 3 [CPU|CPU_WIDE|CPU_WINOGRAD|GPU]
 * </pre>
 * The profile: {@link DeviceGrids#CPU} (8-wide), {@link DeviceGrids#CPU_WIDE} (16-wide, the default),
 * {@link DeviceGrids#CPU_WINOGRAD} (16-wide with Winograd) or {@link DeviceGrids#GPU}.
 * Prints wall ms and this process's CPU ms per frame: on a shared machine CPU time / 2 is what an idle
 * 2-core machine would take.
 */
public final class NetworkConvBench {
    private NetworkConvBench() {
    }

    public static void main(String[] args) throws Exception {
        BGNetModel model = BGNetModel.load(Path.of(args[0]));
        int h = Integer.parseInt(args[1]);
        int w = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        DeviceGrids grids = switch (args.length > 4 ? args[4] : "CPU_WIDE") {
            case "CPU" -> DeviceGrids.CPU;
            case "CPU_WIDE" -> DeviceGrids.CPU_WIDE;
            case "CPU_WINOGRAD" -> DeviceGrids.CPU_WINOGRAD;
            case "GPU" -> DeviceGrids.GPU;
            default -> throw new IllegalArgumentException("unknown profile " + args[4]);
        };
        Map<String, Conv> shapes = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Op op : model.plan(h, w).ops()) {
            if (op instanceof Conv c) {
                String key = c.kind() + Arrays.toString(KernelParams.of(c));
                shapes.putIfAbsent(key, c);
                counts.merge(key, 1, Integer::sum);
            }
        }
        Map<String, double[]> kinds = new LinkedHashMap<>();
        double wallTotal = 0;
        double cpuTotal = 0;
        double gflopTotal = 0;
        for (Map.Entry<String, Conv> e : shapes.entrySet()) {
            Conv op = e.getValue();
            boolean transposed = op.geometry().transposed();
            ConvGeometry g = op.geometry().threeD() ? ConvGeometry.of3d(KernelParams.of(op), transposed)
                    : ConvGeometry.of2d(KernelParams.of(op), transposed);
            double[] t = time(g, op.weights().weight(), op.weights().bias(), grids, runs);
            int n = counts.get(e.getKey());
            double gflop = 2.0 * g.macs() / 1e9;
            String kind = op.kind() + " k" + g.kernel();
            double[] k = kinds.computeIfAbsent(kind, x -> new double[4]);
            k[0] += n * t[0];
            k[1] += n * t[1];
            k[2] += n * gflop;
            k[3] += n;
            wallTotal += n * t[0];
            cpuTotal += n * t[1];
            gflopTotal += n * gflop;
            System.out.printf("%-50s x%d  %7.1f ms  cpu %7.1f ms  %.2f GFLOP  %.1f GFLOP/s (cpu/2)%n", op.name(), n, t[0],
                    t[1], gflop, gflop / (t[1] / 2) * 1e3);
        }
        System.out.println();
        kinds.forEach((kind, k) -> System.out.printf("%-18s %3.0f ops  %8.1f ms  cpu/2 %8.1f ms  %6.2f GFLOP  %5.1f GFLOP/s (cpu/2)%n",
                kind, k[3], k[0], k[1] / 2, k[2], k[2] / (k[1] / 2) * 1e3));
        System.out.printf("all convolutions: %.0f ms wall, %.0f ms cpu/2, %.1f GFLOP, %.1f GFLOP/s (cpu/2)%n", wallTotal,
                cpuTotal / 2, gflopTotal, gflopTotal / (cpuTotal / 2) * 1e3);
    }

    /** {median wall ms, mean CPU ms} of one launch pair (staging + convolution) of this shape. */
    private static double[] time(ConvGeometry g, float[] weight, float[] bias, DeviceGrids grids, int runs) {
        Random rnd = new Random(3);
        FloatArray in = new FloatArray(g.inOff() + g.inC() * g.inD() * g.inH() * g.inW());
        for (int i = 0; i < in.getSize(); i++) {
            in.set(i, rnd.nextFloat() - 0.5f);
        }
        FloatArray out = new FloatArray(g.outOff() + g.outC() * g.outVolume());
        FloatArray res = new FloatArray(g.resOff() >= 0 ? g.resOff() + g.outC() * g.outVolume() : 1);
        DeviceConv conv = DeviceConv.of(g, weight, bias, grids);
        FloatArray scratch = conv.newScratch();
        TaskGraph tg = new TaskGraph("net")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, conv.constants().toArray())
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, in, res, out, scratch);
        conv.addTasks(tg, "c", in, res, out, scratch);
        GridScheduler scheduler = new GridScheduler();
        conv.addGrid(scheduler, "net", "c");
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(tg.snapshot())) {
            plan.withGridScheduler(scheduler).execute();
            double[] wall = new double[runs];
            double cpu0 = ConvLayerBench.cpuMillis();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                plan.execute();
                wall[i] = (System.nanoTime() - t0) / 1e6;
            }
            double cpu = (ConvLayerBench.cpuMillis() - cpu0) / runs;
            Arrays.sort(wall);
            return new double[] {wall[runs / 2], cpu};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
