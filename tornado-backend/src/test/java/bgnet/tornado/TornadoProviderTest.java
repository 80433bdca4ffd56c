package bgnet.tornado;

import bgnet.model.backend.Backend;
import bgnet.model.backend.Backends;
import bgnet.model.backend.DeviceInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider as the app sees it: found by the service loader, its devices, and device selection. */
class TornadoProviderTest {

    @Test
    void foundThroughTheServiceLoaderOnTornadoDefaultDevice() {
        List<DeviceInfo> devices = new TornadoProvider().devices();
        assertFalse(devices.isEmpty());
        devices.forEach(d -> assertTrue(d.memoryBytes() > 0, d.toString()));
        String id = TornadoDevices.defaultId();
        DeviceInfo def = devices.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        Backend b = Backends.select("tornado", null, null);
        assertTrue(b.description().startsWith("tornado " + id + " " + def.name()), b.description());
    }

    @Test
    void unknownDeviceListsTheDevicesTornadoSees() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("tornado", "7:3", null));
        String first = new TornadoProvider().devices().get(0).id();
        assertTrue(e.getMessage().startsWith("unknown device 7:3; valid: " + first + " ("), e.getMessage());
    }
}
