package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.network.Architecture;
import bgnet.model.network.BGNetWeights;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.ProgramBuilder;
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
    static final int H = 128;
    static final int W = 256;

    final NetworkProgram program;
    final TornadoRunner runner;
    final long firstRunNanos;

    DeviceFixtureRun(String checkpoint, Architecture expected) throws Exception {
        BGNetWeights weights = BGNetWeights.from(StateDict.read(Fixtures.file(checkpoint)));
        assertEquals(expected, weights.architecture());
        program = ProgramBuilder.plan(weights, H, W);
        System.arraycopy(Fixtures.f32("input_small_left.f32"), 0, program.left(), 0, H * W);
        System.arraycopy(Fixtures.f32("input_small_right.f32"), 0, program.right(), 0, H * W);
        runner = (TornadoRunner) new TornadoProvider().create(null, new BackendOptions(true, true)).prepare(program);
        long t0 = System.nanoTime();
        runner.run();
        firstRunNanos = System.nanoTime() - t0;
        System.out.printf("%s: %d tasks, first run (compile + run) %.1f s on %s%n", expected.displayName(),
                runner.taskNames().size(), firstRunNanos / 1e9, runner.description());
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
