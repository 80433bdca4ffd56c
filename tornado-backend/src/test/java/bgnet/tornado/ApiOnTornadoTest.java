package bgnet.tornado;

import bgnet.api.Device;
import bgnet.api.DeviceException;
import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import bgnet.api.StereoResult;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import bgnet.model.SetupReporting;
import bgnet.model.backend.SetupSplit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API on TornadoVM: its device list is the backend's, a device chosen by id runs BGNet with the
 * confidence and matches PyTorch, and a bad id is the command line's one-liner.
 */
class ApiOnTornadoTest {

    @Test
    void devicesAreListedChosenAndRunTheNetwork() throws Exception {
        List<String> ids = KernelEquivalenceTest.devices();
        List<Device> tornado = Device.list().stream().filter(d -> d.backendName().equals("tornado")).toList();
        assertEquals(ids, tornado.stream().map(Device::id).toList());
        boolean gpu = tornado.stream().anyMatch(d -> d.type().startsWith("GPU"));
        assertEquals(gpu ? "tornado" : "jvm", Device.best().backendName());

        int w = FixtureRun.W;
        int h = FixtureRun.H;
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(Device.of("tornado", ids.getFirst()))) {
            assertTrue(estimator.description().contains("tornado"), estimator.description());
            StereoResult r = estimator.estimateWithConfidence(InputImage.ofGray(w, h, f32("input_small_left.f32")),
                    InputImage.ofGray(w, h, f32("input_small_right.f32")));
            Fixtures.assertDisparity("API disparity on " + ids.getFirst(), r.disparity(), f32("bgnet_small_out.f32"));
            Fixtures.assertConfidence("API confidence on " + ids.getFirst(), r.confidence(),
                    f32("bgnet_small_confidence.f32"), Fixtures.CONFIDENCE_END_TO_END);
            // What live's summary reports: the set-up with TornadoVM's split (the tests' cache is off: compiled).
            SetupSplit setup = ((SetupReporting) estimator).lastSetup().orElseThrow();
            assertEquals("off", setup.kernels().cache());
            assertTrue(setup.kernels().compileMs() > 0 && setup.otherMs() > 0
                    && setup.setupMs() >= setup.kernels().compileMs() + setup.kernels().driverMs(), setup.toString());
        }

        DeviceException unknown = assertThrows(DeviceException.class, () -> Device.of("tornado", "9:9"));
        assertTrue(unknown.getMessage().startsWith("unknown device 9:9; valid: " + ids.getFirst()), unknown.getMessage());
    }
}
