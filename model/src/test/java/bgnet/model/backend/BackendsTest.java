package bgnet.model.backend;

import bgnet.model.network.NetworkProgram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backend selection and its one-line errors, with a stand-in provider for the TornadoVM one. */
class BackendsTest {
    static final List<DeviceInfo> DEVICES = List.of(
            new DeviceInfo("0:0", "PoCL CPU", "CPU", 1L << 32),
            new DeviceInfo("1:0", "Some GPU", "GPU", 1L << 34));

    /** Records what it was asked to create. */
    static class FakeProvider implements BackendProvider {
        final List<String> created = new ArrayList<>();
        final Backend backend = new Backend() {
            @Override
            public ProgramRunner prepare(NetworkProgram program) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String description() {
                return "fake";
            }
        };

        @Override
        public String id() {
            return "tornado";
        }

        @Override
        public List<DeviceInfo> devices() {
            return DEVICES;
        }

        @Override
        public Backend create(String deviceId, BackendOptions options) {
            created.add(String.valueOf(deviceId));
            return backend;
        }
    }

    @Test
    void jvmNeedsNothingInstalled() {
        assertInstanceOf(JvmBackend.class, Backends.select("jvm", null, null));
        assertEquals("jvm (3 threads)", Backends.select("jvm", null, 3).description());
        assertEquals("jvm (1 thread)", Backends.select("jvm", "jvm", 1).description());
    }

    @Test
    void tornadoWithoutItsJarSaysHowToGetIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("tornado", null, null, BackendOptions.defaults(), List.of()));
        assertEquals(Backends.TORNADO_MISSING, e.getMessage());
    }

    @Test
    void unknownBackendListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("cuda", null, null, BackendOptions.defaults(), List.of()));
        assertEquals("unknown backend 'cuda'; valid: jvm, tornado", e.getMessage());
    }

    @Test
    void unknownDeviceListsTheValidIds() {
        FakeProvider p = new FakeProvider();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("tornado", "1:3", null, BackendOptions.defaults(), List.of(p)));
        assertEquals("unknown device 1:3; valid: 0:0 (PoCL CPU), 1:0 (Some GPU)", e.getMessage());
        assertTrue(p.created.isEmpty());
    }

    @Test
    void knownDeviceAndDefaultDeviceReachTheProvider() {
        FakeProvider p = new FakeProvider();
        assertSame(p.backend, Backends.select("tornado", "1:0", null, BackendOptions.defaults(), List.of(p)));
        assertSame(p.backend, Backends.select("tornado", null, null, BackendOptions.defaults(), List.of(p)));
        assertEquals(List.of("1:0", "null"), p.created);
    }

    @Test
    void optionsForTheOtherBackendAreRejected() {
        FakeProvider p = new FakeProvider();
        assertThrows(IllegalArgumentException.class, () -> Backends.select("jvm", "0:0", null));
        assertThrows(IllegalArgumentException.class, () -> Backends.select("jvm", null, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.select("tornado", null, 2, BackendOptions.defaults(), List.of(p)));
        assertEquals("--threads applies to --backend jvm only", e.getMessage());
    }

    @Test
    void brokenProviderIsReportedNotThrown() {
        BackendProvider broken = new FakeProvider() {
            @Override
            public List<DeviceInfo> devices() {
                throw new NoClassDefFoundError("uk/ac/manchester/tornado/api/TaskGraph");
            }
        };
        List<Backends.Listing> all = Backends.listAll(List.of(broken));
        assertEquals(List.of("jvm", "tornado"), all.stream().map(Backends.Listing::backend).toList());
        assertEquals("jvm", all.get(0).devices().get(0).id());
        assertNull(all.get(0).error());
        assertTrue(all.get(1).devices().isEmpty());
        assertTrue(all.get(1).error().startsWith("tornado backend not usable in this JVM (uk/ac/manchester"), all.get(1).error());
    }

    @Test
    void listingWithoutTornadoSaysItIsMissing() {
        List<Backends.Listing> all = Backends.listAll(List.of());
        assertEquals(2, all.size());
        assertEquals(Backends.TORNADO_MISSING, all.get(1).error());
    }
}
