package bgnet.tornado.cache;

import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import bgnet.tornado.TornadoProvider;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's run of a fixture network from a kernel cache folder (started by
 * {@link FreshProcessCacheTest}): prints the cache outcome and how many task methods got a seeded
 * sketch instead of TornadoVM's, and writes the disparity (big-endian floats) to a file.
 * Arguments: checkpoint fixture, kernel tier, cache folder, output file, and optionally {@code then-compile}
 * (then compile the same program in this process and say whether it gives the same disparity).
 */
public final class CachedRunChild {
    private CachedRunChild() {
    }

    public static void main(String[] args) throws Exception {
        NetworkProgram program = FixtureRun.plan(args[0]);
        BackendOptions options = new BackendOptions(false, false, KernelTier.valueOf(args[1]), args[2]);
        float[] disparity;
        String outcome;
        try (ProgramRunner runner = new TornadoProvider().create(null, options).prepare(program)) {
            outcome = runner.kernelSetup().orElseThrow().cache();
            disparity = runner.run(Fixtures.f32("input_small_left.f32"), Fixtures.f32("input_small_right.f32")).clone();
        }
        write(Path.of(args[3]), disparity);
        int[] counts = CachedSketches.counts();
        System.out.println("cache=" + outcome + " seeded=" + counts[0] + " built=" + counts[1]);
        if (args.length > 4 && args[4].equals("then-compile")) {
            // The same methods compiled in the same process: TornadoVM needs their real sketches now.
            BackendOptions off = new BackendOptions(false, false, options.kernels(), "off");
            try (ProgramRunner runner = new TornadoProvider().create(null, off).prepare(program)) {
                float[] again = runner.run(Fixtures.f32("input_small_left.f32"), Fixtures.f32("input_small_right.f32"));
                System.out.println("compiled-after " + (java.util.Arrays.equals(disparity, again) ? "equal" : "DIFFERENT")
                        + " built=" + CachedSketches.counts()[1]);
            }
        }
    }

    private static void write(Path file, float[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }
}
