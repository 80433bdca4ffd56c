package bgnet.tornado.device;

import bgnet.kernels.Activation;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.device.ConvGeometry;
import bgnet.tornado.TornadoKernels;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.Arrays;
import java.util.Random;

/**
 * One big BGNet layer on the default TornadoVM device: the reference task against the device tier
 * (staging + blocked convolution), median ms and GFLOP/s of each, and max|Δ| between them. Not a test:
 * run by hand, e.g.
 * <pre>
 * mvn -B -ntp -q -Ptornado -DskipTests package
 * java @$TORNADOVM_HOME/tornado-argfile -Dtornado.recover.bailout=False \
 *   -cp tornado-backend/target/test-classes:tornado-backend/target/classes:model/target/classes:tornado-kernels/target/classes \
 *   bgnet.tornado.device.ConvLayerBench fe3x3 16 5 [ref] [pairs]
 * </pre>
 * Arguments: layer (see {@link #layer}), work-group size along positions, timed runs, {@code ref} to time
 * the reference kernel too (and compare the outputs), {@code pairs} for 16 channels per work-item
 * (32 with {@code wide}), {@code wide} for 16-wide vectors, {@code winograd} (with {@code wide}) for the
 * Winograd kernel where the layer allows it.
 * Prints wall ms and this process's CPU ms per run (all threads, PoCL's included): on a shared machine
 * twice the FLOPs per CPU-second is what an idle 2-core machine would reach.
 */
public final class ConvLayerBench {
    private ConvLayerBench() {
    }

    /** {kind (0 conv2d, 1 deconv2d, 2 conv3d, 3 deconv3d), params} of the named 384x1280 layer. */
    static Object[] layer(String name) {
        int lr = Activation.LEAKY_RELU;
        int relu = Activation.RELU;
        return switch (name) {
            case "fe3x3" -> new Object[] {0, Conv2dKernels.params(0, 32, 192, 640, 0, 32, 192, 640, 3, 1, 1, relu, -1)};
            case "fe3x3s2" -> new Object[] {0, Conv2dKernels.params(0, 32, 192, 640, 0, 64, 96, 320, 3, 2, 1, relu, -1)};
            case "fe1x1s2" -> new Object[] {0, Conv2dKernels.params(0, 32, 192, 640, 0, 64, 96, 320, 1, 2, 0, 0, -1)};
            case "fe128" -> new Object[] {0, Conv2dKernels.params(0, 128, 48, 160, 0, 128, 48, 160, 3, 1, 1, relu, -1)};
            case "first" -> new Object[] {0, Conv2dKernels.params(0, 1, 384, 1280, 0, 32, 192, 640, 3, 2, 1, relu, -1)};
            case "guide1x1" -> new Object[] {0, Conv2dKernels.params(0, 32, 192, 640, 0, 16, 192, 640, 1, 1, 0, lr, -1)};
            case "deconv2d" -> new Object[] {1, Conv2dKernels.params(0, 48, 96, 320, 0, 32, 192, 640, 4, 2, 1, relu, -1)};
            case "dres0" -> new Object[] {2, Conv3dKernels.params(0, 44, 25, 48, 160, 0, 32, 25, 48, 160, 3, 1, 1, lr, -1)};
            case "hg3d" -> new Object[] {2, Conv3dKernels.params(0, 32, 25, 24, 80, 0, 32, 25, 24, 80, 3, 1, 1, lr, 0)};
            case "hg3ds2" -> new Object[] {2, Conv3dKernels.params(0, 16, 25, 48, 160, 0, 32, 25, 24, 80, 3, 2, 1, lr, -1)};
            case "deconv3d" -> new Object[] {3, Conv3dKernels.params(0, 32, 25, 24, 80, 0, 16, 25, 48, 160, 3, 2, 1, 0, -1)};
            default -> throw new IllegalArgumentException("unknown layer " + name);
        };
    }

    public static void main(String[] args) {
        String name = args[0];
        int group = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        boolean withReference = Arrays.asList(args).contains("ref");
        Object[] l = layer(name);
        int kind = (Integer) l[0];
        int[] p = (int[]) l[1];
        ConvGeometry g = kind < 2 ? ConvGeometry.of2d(p, kind == 1) : ConvGeometry.of3d(p, kind == 3);
        Random rnd = new Random(1);
        float[] in = random(rnd, g.inC() * g.inD() * g.inH() * g.inW());
        float[] w = random(rnd, g.inC() * g.outC() * g.taps());
        float[] b = random(rnd, g.outC());
        int outSize = g.outC() * g.outVolume();
        float[] res = g.resOff() >= 0 ? random(rnd, outSize) : new float[1];
        double gflop = 2.0 * g.macs() / 1e9;

        boolean wide = Arrays.asList(args).contains("wide");
        DeviceGrids grids = new DeviceGrids(group, 16, wide ? 16 : 8, Arrays.asList(args).contains("pairs"),
                wide && Arrays.asList(args).contains("winograd"));
        DeviceConv conv = DeviceConv.of(g, w, b, grids);
        FloatArray staged = conv.newScratch();
        FloatArray out = new FloatArray(outSize);
        FloatArray devIn = FloatArray.fromArray(in);
        FloatArray devRes = FloatArray.fromArray(res);
        TaskGraph tg = new TaskGraph("dev")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, conv.constants().toArray())
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, devIn, staged, devRes, out);
        conv.addTasks(tg, "l", devIn, devRes, out, staged);
        tg.transferToHost(DataTransferMode.UNDER_DEMAND, out);
        GridScheduler scheduler = new GridScheduler();
        conv.addGrid(scheduler, "dev", "l");
        float[] device;
        try (TornadoExecutionPlan exec = new TornadoExecutionPlan(tg.snapshot())) {
            exec.withGridScheduler(scheduler);
            long t0 = System.nanoTime();
            TornadoExecutionResult r = exec.execute();
            System.out.printf("%s device tier: first run %.0f ms (compile + copy)%n", name, (System.nanoTime() - t0) / 1e6);
            double cpu0 = cpuMillis();
            double ms = median(exec, runs);
            double cpuMs = (cpuMillis() - cpu0) / runs;
            System.out.printf("%s device tier (group %d): %.1f ms  %.1f GFLOP/s  cpu %.0f ms/run (%.1f GFLOP/s at 2 cores)"
                            + "  (%.2f GFLOP, grid %d x %d)%n",
                    name, group, ms, gflop / ms * 1e3, cpuMs, 2 * gflop / cpuMs * 1e3, gflop,
                    conv.plan().paddedWorkItems(group), grids.conv(conv.plan()).getGlobalWork()[1]);
            r.transferToHost(out);
            device = out.toHeapArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!withReference) {
            return;
        }
        float[] refOut = new float[outSize];
        int n = outSize;
        TaskGraph rg = new TaskGraph("ref").transferToDevice(DataTransferMode.FIRST_EXECUTION, in, w, b, res, refOut, p);
        switch (kind) {
            case 0 -> rg.task("conv", TornadoKernels::conv2d, in, w, b, res, refOut, p, n);
            case 1 -> rg.task("conv", TornadoKernels::deconv2d, in, w, b, res, refOut, p, n);
            case 2 -> rg.task("conv", TornadoKernels::conv3d, in, w, b, res, refOut, p, n);
            default -> rg.task("conv", TornadoKernels::deconv3d, in, w, b, res, refOut, p, n);
        }
        rg.transferToHost(DataTransferMode.UNDER_DEMAND, refOut);
        try (TornadoExecutionPlan exec = new TornadoExecutionPlan(rg.snapshot())) {
            TornadoExecutionResult r = exec.execute();
            int refRuns = Math.max(1, runs / 3);
            double cpu0 = cpuMillis();
            double ms = median(exec, refRuns);
            double cpuMs = (cpuMillis() - cpu0) / refRuns;
            System.out.printf("%s reference: %.1f ms  %.1f GFLOP/s  cpu %.0f ms/run (%.1f GFLOP/s at 2 cores)%n", name, ms,
                    gflop / ms * 1e3, cpuMs, 2 * gflop / cpuMs * 1e3);
            r.transferToHost(refOut);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double max = 0;
        double refMax = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(refOut[i] - device[i]));
            refMax = Math.max(refMax, Math.abs(refOut[i]));
        }
        System.out.printf("%s max|Δ| = %.3g (max|ref| = %.3g)%n", name, max, refMax);
    }

    private static double median(TornadoExecutionPlan exec, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            exec.execute();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /**
     * This process's CPU time (all threads, PoCL's included) from /proc/self/stat, in ms: on a shared
     * machine, work per CPU-second is steadier than wall time.
     */
    public static double cpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        return a;
    }
}
