package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kernels from the kernel cache give bit-identical results to kernels TornadoVM compiled, for both
 * networks and both tiers: the first runner compiles and writes the entry, the second builds every
 * task from it.
 */
class CachedKernelsTest {
    @TempDir
    Path cache;

    @Test
    void bgnetDeviceTier() throws Exception {
        assertSame("bgnet_random.pth", KernelTier.FAST);
    }

    private void assertSame(String checkpoint, KernelTier tier) throws Exception {
        NetworkProgram program = FixtureRun.plan(checkpoint);
        BackendOptions options = new BackendOptions(false, false, tier, cache.toString());
        float[] left = Fixtures.f32("input_small_left.f32");
        float[] right = Fixtures.f32("input_small_right.f32");
        float[] compiled;
        try (TornadoRunner first = (TornadoRunner) new TornadoProvider().create(null, options).prepare(program)) {
            assertEquals("miss", first.kernelSetup().orElseThrow().cache());
            compiled = first.run(left, right).clone();
        }
        try (TornadoRunner second = (TornadoRunner) new TornadoProvider().create(null, options).prepare(program)) {
            assertEquals("hit", second.kernelSetup().orElseThrow().cache());
            assertEquals(0, second.kernelSetup().orElseThrow().compileMs());
            assertArrayEquals(compiled, second.run(left, right));
        }
    }
}
