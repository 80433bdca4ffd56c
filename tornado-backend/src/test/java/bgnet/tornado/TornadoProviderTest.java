package bgnet.tornado;

import bgnet.model.backend.Backend;
import bgnet.model.backend.Backends;
import bgnet.model.backend.DeviceInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider as the app sees it: found by the service loader, its devices, and device selection. */
class TornadoProviderTest {

    @Test
    void foundThroughTheServiceLoaderWithTheDefaultDeviceFirst() {
        List<DeviceInfo> devices = new TornadoProvider().devices();
        assertEquals("0:0", devices.get(0).id());
        assertTrue(devices.get(0).memoryBytes() > 0);
        Backend b = Backends.select("tornado", null, null);
        assertTrue(b.description().startsWith("tornado 0:0 " + devices.get(0).name()), b.description());
    }

    @Test
    void unknownDeviceListsTheDevicesTornadoSees() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("tornado", "7:3", null));
        assertTrue(e.getMessage().startsWith("unknown device 7:3; valid: 0:0 ("), e.getMessage());
    }
}
