package bgnet.tornado;

import bgnet.model.backend.Backend;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.BackendProvider;
import bgnet.model.backend.DeviceInfo;

import java.util.List;

/**
 * Registers the TornadoVM backend with {@link bgnet.model.backend.Backends}. This class touches no
 * TornadoVM type itself, so that the service loader can instantiate it even where TornadoVM's
 * runtime is missing; the first call that needs the runtime reports that in one line.
 */
public final class TornadoProvider implements BackendProvider {

    @Override
    public String id() {
        return "tornado";
    }

    @Override
    public List<DeviceInfo> devices() {
        try {
            return TornadoDevices.list();
        } catch (LinkageError e) {
            throw new IllegalStateException("TornadoVM classes not found (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Backend create(String deviceId, BackendOptions options) {
        String id = deviceId != null ? deviceId : TornadoDevices.defaultId();
        return new TornadoBackend(id, TornadoDevices.get(id), options);
    }
}
