package bgnet.tornado.device;

import bgnet.kernels.device.ConvGeometry;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One layer ({@link ConvLayerBench#layer}) in several device-tier forms in one process, executed in
 * turn round after round: on a machine others are using, forms timed side by side see the same load,
 * and the minimum over rounds is the steadiest figure. Not a test; run by hand:
 * <pre>
 * java @$TORNADOVM_HOME/tornado-argfile -cp ... bgnet.tornado.device.ConvFormsBench fe3x3 15
 * </pre>
 * Forms: the 8-wide CPU profile, the 16-wide one (32 channels per work-item where the layer has them),
 * the 16-wide one with 16 channels per work-item, and the 16-wide one with Winograd.
 */
public final class ConvFormsBench {
    private ConvFormsBench() {
    }

    public static void main(String[] args) throws Exception {
        Object[] l = ConvLayerBench.layer(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int kind = (Integer) l[0];
        int[] p = (int[]) l[1];
        ConvGeometry g = kind < 2 ? ConvGeometry.of2d(p, kind == 1) : ConvGeometry.of3d(p, kind == 3);
        Random rnd = new Random(1);
        float[] w = new float[g.inC() * g.outC() * g.taps()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextFloat() - 0.5f;
        }
        float[] b = new float[g.outC()];
        FloatArray in = new FloatArray(g.inC() * g.inD() * g.inH() * g.inW());
        for (int i = 0; i < in.getSize(); i++) {
            in.set(i, rnd.nextFloat() - 0.5f);
        }
        FloatArray res = new FloatArray(g.resOff() >= 0 ? g.outC() * g.outVolume() : 1);
        Map<String, DeviceGrids> forms = new LinkedHashMap<>();
        forms.put("8-wide", DeviceGrids.CPU);
        forms.put("16-wide direct", DeviceGrids.CPU_WIDE);
        forms.put("16-wide, 16 channels", new DeviceGrids(16, 16, 16, false, false));
        forms.put("16-wide winograd", DeviceGrids.CPU_WINOGRAD);
        List<TornadoExecutionPlan> plans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, DeviceGrids> f : forms.entrySet()) {
            DeviceConv conv = DeviceConv.of(g, w, b, f.getValue());
            FloatArray out = new FloatArray(g.outC() * g.outVolume());
            FloatArray scratch = conv.newScratch();
            String graph = "forms" + plans.size();
            TaskGraph tg = new TaskGraph(graph)
                    .transferToDevice(DataTransferMode.FIRST_EXECUTION, conv.constants().toArray())
                    .transferToDevice(DataTransferMode.FIRST_EXECUTION, in, res, out, scratch);
            conv.addTasks(tg, "c", in, res, out, scratch);
            GridScheduler scheduler = new GridScheduler();
            conv.addGrid(scheduler, graph, "c");
            TornadoExecutionPlan plan = new TornadoExecutionPlan(tg.snapshot()).withGridScheduler(scheduler);
            plan.execute();
            plans.add(plan);
            names.add(f.getKey() + (conv.isWinograd() ? " (winograd)" : ""));
        }
        // The staging copy alone (the 16-wide form's; every form stages the same way).
        DeviceConv staging = DeviceConv.of(g, w, b, DeviceGrids.CPU_WIDE);
        FloatArray stagingScratch = staging.newScratch();
        TaskGraph sg = new TaskGraph("staging")
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, staging.constants().toArray())
                .transferToDevice(DataTransferMode.FIRST_EXECUTION, in, stagingScratch);
        staging.addStage(sg, "c", in, stagingScratch);
        GridScheduler stagingGrid = new GridScheduler();
        stagingGrid.addWorkerGrid("staging.c_stage", DeviceGrids.CPU_WIDE.stage(staging.plan()));
        TornadoExecutionPlan stagingPlan = new TornadoExecutionPlan(sg.snapshot()).withGridScheduler(stagingGrid);
        stagingPlan.execute();
        plans.add(stagingPlan);
        names.add("staging copy alone");
        double[][] ms = new double[plans.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < plans.size(); k++) {
                long t0 = System.nanoTime();
                plans.get(k).execute();
                ms[k][r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double gflop = 2.0 * g.macs() / 1e9;
        for (int k = 0; k < plans.size(); k++) {
            Arrays.sort(ms[k]);
            boolean conv = k < plans.size() - 1;
            System.out.printf("%s %-28s min %7.2f ms %s  median %7.2f ms%n", args[0], names.get(k), ms[k][0],
                    conv ? String.format("(%6.1f GFLOP/s)", gflop / ms[k][0] * 1e3) : "                ",
                    ms[k][rounds / 2]);
            plans.get(k).close();
        }
    }
}
