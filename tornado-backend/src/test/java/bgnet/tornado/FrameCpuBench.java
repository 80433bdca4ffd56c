package bgnet.tornado;

import bgnet.model.BGNetModel;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.network.Conv;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.tornado.device.ConvLayerBench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Whole frames on several backends in one process, one frame of each in turn, round after round: on a
 * machine others are using, runners timed side by side see the same load. Prints each runner's
 * minimum and median wall time per frame and the process's CPU time per round. Not a test; run by hand:
 * <pre>
 * java @$TORNADOVM_HOME/tornado-argfile -cp ... bgnet.tornado.FrameCpuBench CHECKPOINT.pth 384 1280 ROUNDS jvm tornado8 tornado16 [perkind]
 * </pre>
 * With {@code perkind}, TornadoVM's profiler is on and each runner's time per op kind (device kernel
 * times on TornadoVM, op wall times on the JVM) is printed too, median over the rounds.
 * {@code jvm}: the JVM backend on 2 threads; {@code tornado8} / {@code tornado16}: the TornadoVM device
 * tier on the default device with 8- or 16-wide vectors ({@code -Dbgnet.tornado.vectorWidth}, set here
 * before each runner is prepared); {@code tornado16w}: 16-wide with Winograd.
 */
public final class FrameCpuBench {
    private FrameCpuBench() {
    }

    /** The op's kind as {@code bench --per-layer} names it. */
    private static String kind(Op op) {
        return op.kind();
    }

    public static void main(String[] args) throws Exception {
        NetworkProgram program = BGNetModel.load(Path.of(args[0])).plan(Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        int rounds = Integer.parseInt(args[3]);
        boolean perKind = List.of(args).contains("perkind");
        List<String> names = List.of(args).subList(4, args.length).stream().filter(a -> !a.equals("perkind")).toList();
        List<ProgramRunner> runners = new ArrayList<>();
        for (String name : names) {
            long t0 = System.nanoTime();
            ProgramRunner runner;
            if (name.equals("jvm")) {
                runner = new JvmBackend(2).prepare(program);
            } else {
                System.setProperty("bgnet.tornado.vectorWidth", name.startsWith("tornado16") ? "16" : "8");
                System.setProperty("bgnet.tornado.winograd", String.valueOf(name.equals("tornado16w")));
                runner = new TornadoProvider().create(null, new BackendOptions(perKind, false)).prepare(program);
            }
            String tasks = runner instanceof TornadoRunner t ? t.taskNames().size() + " tasks, " : "";
            System.out.printf("%s: %s, %sprepared in %.1f s%n", name, runner.description(), tasks,
                    (System.nanoTime() - t0) / 1e9);
            runners.add(runner);
        }
        Random rnd = new Random(5);
        float[] left = new float[program.left().size()];
        float[] right = new float[program.right().size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = rnd.nextInt(256);
            right[i] = rnd.nextInt(256);
        }
        for (ProgramRunner r : runners) {
            r.run(left, right);
            r.run(left, right);
        }
        double[][] wall = new double[runners.size()][rounds];
        double[][] cpu = new double[runners.size()][rounds];
        List<Map<String, double[]>> kinds = new ArrayList<>();
        for (int k = 0; k < runners.size(); k++) {
            kinds.add(new TreeMap<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < runners.size(); k++) {
                StageTimes times = new StageTimes();
                double c0 = ConvLayerBench.cpuMillis();
                long w0 = System.nanoTime();
                runners.get(k).run(left, right, times);
                wall[k][round] = (System.nanoTime() - w0) / 1e6;
                cpu[k][round] = ConvLayerBench.cpuMillis() - c0;
                for (Map.Entry<Integer, Long> e : times.opNanos().entrySet()) {
                    Op op = program.ops().get(e.getKey());
                    kinds.get(k).computeIfAbsent(kind(op), x -> new double[rounds])[round] += e.getValue() / 1e6;
                }
            }
        }
        if (perKind) {
            Map<String, Double> gflop = new TreeMap<>();
            Map<String, Integer> count = new TreeMap<>();
            for (Op op : program.ops()) {
                count.merge(kind(op), 1, Integer::sum);
                if (op instanceof Conv c) {
                    gflop.merge(kind(op), 2.0 * BlockedConvTask.geometry(c).macs() / 1e9, Double::sum);
                }
            }
            System.out.printf("%-16s %4s", "op kind", "ops");
            names.forEach(n -> System.out.printf(" %12s ms %7s", n, "GFLOP/s"));
            System.out.println();
            for (String kind : count.keySet()) {
                System.out.printf("%-16s %4d", kind, count.get(kind));
                for (int k = 0; k < runners.size(); k++) {
                    double[] t = kinds.get(k).getOrDefault(kind, new double[rounds]).clone();
                    Arrays.sort(t);
                    double ms = t[rounds / 2];
                    Double g = gflop.get(kind);
                    System.out.printf(" %15.1f %7s", ms, g == null ? "-" : String.format("%.0f", g / ms * 1e3));
                }
                System.out.println();
            }
        }
        for (int k = 0; k < runners.size(); k++) {
            Arrays.sort(wall[k]);
            Arrays.sort(cpu[k]);
            System.out.printf("%-10s wall min %5.0f ms  median %5.0f ms   cpu median %5.0f ms%n", names.get(k),
                    wall[k][0], wall[k][rounds / 2], cpu[k][rounds / 2]);
            runners.get(k).close();
        }
    }
}
