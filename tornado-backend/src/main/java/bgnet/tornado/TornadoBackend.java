package bgnet.tornado;

import bgnet.model.backend.Backend;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.NetworkProgram;
import uk.ac.manchester.tornado.api.common.TornadoDevice;

/** The forward pass as a TornadoVM TaskGraph on one device. */
public final class TornadoBackend implements Backend {
    private final String deviceId;
    private final TornadoDevice device;
    private final BackendOptions options;

    TornadoBackend(String deviceId, TornadoDevice device, BackendOptions options) {
        this.deviceId = deviceId;
        this.device = device;
        this.options = options;
    }

    /** Builds the TaskGraphs and their execution plan and compiles every kernel for the device. */
    @Override
    public ProgramRunner prepare(NetworkProgram program) {
        return new TornadoRunner(program, device, options, description());
    }

    /** The device tier's activations are off-heap arrays; the reference tier's are Java arrays. */
    @Override
    public boolean activationsOnHeap() {
        return options.kernels() == KernelTier.REFERENCE;
    }

    @Override
    public String description() {
        return "tornado " + deviceId + " " + device.getPhysicalDevice().getDeviceName()
                + " (" + device.getTornadoVMBackend() + ")";
    }
}
