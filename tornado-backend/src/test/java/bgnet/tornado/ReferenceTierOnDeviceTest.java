package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import org.junit.jupiter.api.Test;

import static bgnet.model.testing.Fixtures.assertDisparity;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The whole of BGNet on the reference tier (every op a task around its reference kernel, over heap
 * arrays) on TornadoVM's default device, against the PyTorch fixture with the JVM backend's tolerances.
 */
class ReferenceTierOnDeviceTest {

    @Test
    void bgnetOnTheReferenceTierMatchesPyTorch() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        BackendOptions options = new BackendOptions(false, false, KernelTier.REFERENCE);
        try (TornadoRunner runner = (TornadoRunner) new TornadoProvider().create(null, options).prepare(program)) {
            assertInstanceOf(HeapArrays.class, runner.arrays());
            float[] disparity = runner.run(f32("input_small_left.f32"), f32("input_small_right.f32"));
            System.out.println("BGNet, reference tier on device: "
                    + assertDisparity("BGNet disparity (reference tier)", disparity, f32("bgnet_small_out.f32")));
        }
    }
}
