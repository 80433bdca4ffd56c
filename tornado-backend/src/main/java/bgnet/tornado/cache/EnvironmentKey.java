package bgnet.tornado.cache;

import com.sun.management.HotSpotDiagnosticMXBean;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a {@link CacheKey} that come from the machine rather than the program: TornadoVM (its
 * jars, by name and size), the backend, the device and its driver, the platform, and the JVM settings
 * that change how objects are laid out (which generated kernels bake in as offsets).
 */
public final class EnvironmentKey {
    private static final String RUNTIME_GRAPH = "uk.ac.manchester.tornado.runtime.tasks.TornadoTaskGraph";

    private EnvironmentKey() {
    }

    public static Map<String, String> of(TornadoDevice device) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("format", "1");
        parts.put("tornadovm", jar(TaskGraph.class) + "," + jar(runtimeClass()) + "," + jar(device.getClass()));
        parts.put("backend", String.valueOf(device.getTornadoVMBackend()));
        parts.put("device", device.getPhysicalDevice().getDeviceName());
        parts.put("driver", driver(device.getPhysicalDevice()));
        parts.put("platform", System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        parts.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        parts.put("layout", layout());
        return parts;
    }

    private static Class<?> runtimeClass() {
        try {
            return Class.forName(RUNTIME_GRAPH);
        } catch (ClassNotFoundException e) {
            return TaskGraph.class;
        }
    }

    /** A class's jar as name:size (a TornadoVM rebuilt from other sources is another TornadoVM). */
    private static String jar(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return c.getModule().getName() + ":" + c.getModule().getDescriptor();
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return p.getFileName() + ":" + (Files.isRegularFile(p) ? Files.size(p) : 0);
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return cs.getLocation().toString();
        }
    }

    /** The device's driver and OpenCL versions, where its TornadoVM class shows them. */
    private static String driver(Object physical) {
        StringBuilder b = new StringBuilder();
        for (String getter : new String[] {"getDriverVersion", "getDeviceVersion", "getDeviceOpenCLCVersion"}) {
            try {
                b.append(physical.getClass().getMethod(getter).invoke(physical)).append(' ');
            } catch (ReflectiveOperationException | RuntimeException e) {
                b.append("? ");
            }
        }
        return b.toString().strip();
    }

    private static String layout() {
        StringBuilder b = new StringBuilder("arrayHeader=" + TornadoNativeArray.ARRAY_HEADER);
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String flag : new String[] {"UseCompressedOops", "UseCompressedClassPointers", "UseCompactObjectHeaders",
                    "ObjectAlignmentInBytes"}) {
                try {
                    b.append(',').append(flag).append('=').append(hs.getVMOption(flag).getValue());
                } catch (IllegalArgumentException absent) {
                    b.append(',').append(flag).append("=absent");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            b.append(",flags=unknown");
        }
        return b.toString();
    }
}
