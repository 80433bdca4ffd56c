package bgnet.tornado;

import bgnet.model.BGNetModel;
import bgnet.model.backend.Backend;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.NetworkProgram;
import bgnet.tornado.device.ConvLayerBench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Whole frames on one backend, timed in wall time and in this process's CPU time (all threads: the JVM
 * backend's pool, PoCL's workers). Not a test; run by hand. On a machine other people are using, the
 * CPU time per frame divided by the cores is what an idle machine would take, and it is the figure to
 * compare backends and kernel forms by:
 * <pre>
 * java @$TORNADOVM_HOME/tornado-argfile -cp ... bgnet.tornado.FrameCpuBench CHECKPOINT.pth 384 1280 5 tornado|jvm
 * </pre>
 * The TornadoVM device tier's forms are chosen by -D flags (see {@code DeviceVectorWidth}).
 */
public final class FrameCpuBench {
    private FrameCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        NetworkProgram program = BGNetModel.load(Path.of(args[0])).plan(Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        int runs = Integer.parseInt(args[3]);
        Backend backend = args[4].equals("jvm") ? new JvmBackend(2)
                : new TornadoProvider().create(null, BackendOptions.defaults());
        Random rnd = new Random(5);
        float[] left = new float[program.left().size()];
        float[] right = new float[program.right().size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = rnd.nextInt(256);
            right[i] = rnd.nextInt(256);
        }
        long t0 = System.nanoTime();
        try (ProgramRunner runner = backend.prepare(program)) {
            String tasks = runner instanceof TornadoRunner t ? t.taskNames().size() + " tasks, " : "";
            System.out.printf("%s: %sprepared in %.1f s%n", runner.description(), tasks, (System.nanoTime() - t0) / 1e9);
            runner.run(left, right);
            runner.run(left, right);
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                double c0 = ConvLayerBench.cpuMillis();
                long w0 = System.nanoTime();
                runner.run(left, right);
                wall[i] = (System.nanoTime() - w0) / 1e6;
                cpu[i] = ConvLayerBench.cpuMillis() - c0;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("frame: wall median %.0f ms (min %.0f), cpu median %.0f ms (min %.0f) -> cpu/2 %.0f ms%n",
                    wall[runs / 2], wall[0], cpu[runs / 2], cpu[0], cpu[runs / 2] / 2);
        }
    }
}
