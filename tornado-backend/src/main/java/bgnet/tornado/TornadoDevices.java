package bgnet.tornado;

import bgnet.model.backend.DeviceInfo;
import uk.ac.manchester.tornado.api.TornadoBackend;
import uk.ac.manchester.tornado.api.TornadoRuntime;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The devices TornadoVM sees, named "backend:index" as TornadoVM's own tools number them. */
final class TornadoDevices {
    private TornadoDevices() {
    }

    static List<DeviceInfo> list() {
        TornadoRuntime rt = runtime();
        List<DeviceInfo> out = new ArrayList<>();
        for (int b = 0; b < rt.getNumBackends(); b++) {
            TornadoBackend backend = rt.getBackend(b);
            for (int d = 0; d < backend.getNumDevices(); d++) {
                TornadoDevice dev = backend.getDevice(d);
                out.add(new DeviceInfo(b + ":" + d, dev.getPhysicalDevice().getDeviceName(),
                        dev.getDeviceType() + " (" + backend.getBackendType() + ", " + dev.getPlatformName() + ")",
                        dev.getMaxGlobalMemory()));
            }
        }
        return out;
    }

    /** The device with id "B:I"; the caller has checked that it exists. */
    static TornadoDevice get(String id) {
        int colon = id.indexOf(':');
        return runtime().getBackend(Integer.parseInt(id.substring(0, colon)))
                .getDevice(Integer.parseInt(id.substring(colon + 1)));
    }

    /** The id of TornadoVM's default device (backend 0, its default device, unless configured). */
    static String defaultId() {
        TornadoRuntime rt = runtime();
        TornadoDevice def = rt.getDefaultDevice();
        for (int b = 0; b < rt.getNumBackends(); b++) {
            TornadoBackend backend = rt.getBackend(b);
            for (int d = 0; d < backend.getNumDevices(); d++) {
                TornadoDevice dev = backend.getDevice(d);
                if (dev == def || dev.getDeviceName().equals(def.getDeviceName())) {
                    return b + ":" + d;
                }
            }
        }
        return "0:0";
    }

    /**
     * bgnet's TornadoVM settings, written once in {@code tornado.args} beside this class (scripts/bgnet
     * and the tests pass the same file to the JVM). They are applied here too, before the runtime
     * starts, so that every launcher (`tornado -m` included) gets them; a -D given explicitly wins.
     */
    static void applySettings() {
        try (InputStream in = TornadoDevices.class.getResourceAsStream("tornado.args")) {
            if (in == null) {
                throw new IllegalStateException("tornado.args is missing from the backend jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int hash = line.indexOf('#');
                String arg = (hash >= 0 ? line.substring(0, hash) : line).strip();
                int eq = arg.indexOf('=');
                if (arg.startsWith("-D") && eq > 2 && System.getProperty(arg.substring(2, eq)) == null) {
                    System.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tornado.args: " + e.getMessage(), e);
        }
    }

    /** TornadoVM's runtime; fails with one line when this JVM was not started with TornadoVM's flags. */
    static TornadoRuntime runtime() {
        applySettings();
        try {
            TornadoRuntime rt = TornadoRuntimeProvider.getTornadoRuntime();
            if (rt == null) {
                throw new IllegalStateException("TornadoVM runtime did not start");
            }
            return rt;
        } catch (RuntimeException | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("TornadoVM runtime did not start: " + root, e);
        }
    }
}
