package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.network.Architecture;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixture checkpoint planned at 128×256 and run once on TornadoVM's default device with the
 * profiler on and the named intermediates copied back, as the fixture tests need them.
 */
final class DeviceFixtureRun {
    static final int H = FixtureRun.H;
    static final int W = FixtureRun.W;

    final NetworkProgram program;
    final TornadoRunner runner;
    final float[] disparity;
    final long firstRunNanos;

    DeviceFixtureRun(String checkpoint, Architecture expected) throws Exception {
        program = FixtureRun.plan(checkpoint);
        assertEquals(expected, program.architecture());
        runner = (TornadoRunner) new TornadoProvider().create(null, new BackendOptions(true, true)).prepare(program);
        long t0 = System.nanoTime();
        disparity = run();
        firstRunNanos = System.nanoTime() - t0;
        System.out.printf("%s: %d tasks, first run (compile + run) %.1f s on %s%n", expected.displayName(),
                runner.taskNames().size(), firstRunNanos / 1e9, runner.description());
    }

    /** One more pass over the fixture pair; a copy of its disparity. */
    float[] run() {
        return runner.run(Fixtures.f32("input_small_left.f32"), Fixtures.f32("input_small_right.f32")).clone();
    }

    float[] buffer(String name) {
        return runner.named(name);
    }

    /** Every task of the graph has a device kernel time in the profiler: none ran as Java instead. */
    void assertEveryTaskRanOnTheDevice() {
        Map<String, Long> kernels = runner.taskKernelNanos();
        assertFalse(runner.taskNames().isEmpty());
        for (String task : runner.taskNames()) {
            Long ns = kernels.get(task);
            assertTrue(ns != null && ns > 0, "task " + task + " has no device kernel time: " + ns);
        }
        assertEquals(runner.taskNames().size(), kernels.size());
    }
}
