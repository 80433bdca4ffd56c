package bgnet.tornado;

import bgnet.model.backend.DeviceInfo;
import uk.ac.manchester.tornado.api.TornadoBackend;
import uk.ac.manchester.tornado.api.TornadoRuntime;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider;

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
     * TornadoVM's bytecode buffer per TaskGraph (default 4 KiB) overflows at about 25 tasks; it is read
     * once, when the first graph is compiled, so setting it before any graph exists is enough and
     * spares every launcher (scripts, `tornado -m`, tests) the flag. An explicit -D wins.
     */
    static final String BYTECODE_SIZE = "tornado.tvm.maxbytecodesize";

    /**
     * With bailout recovery on (TornadoVM's default) a kernel that fails to compile silently runs as
     * sequential Java on the host: the run would claim a device it never used. Off unless asked for.
     */
    static final String RECOVER_BAILOUT = "tornado.recover.bailout";

    /** TornadoVM's runtime; fails with one line when this JVM was not started with TornadoVM's flags. */
    static TornadoRuntime runtime() {
        if (System.getProperty(BYTECODE_SIZE) == null) {
            System.setProperty(BYTECODE_SIZE, "65536");
        }
        if (System.getProperty(RECOVER_BAILOUT) == null) {
            System.setProperty(RECOVER_BAILOUT, "False");
        }
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
