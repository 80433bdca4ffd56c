package bgnet.tornado.device;

import uk.ac.manchester.tornado.api.common.TornadoDevice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The float vector width a CPU device runs best: 16 where it has AVX-512, else 8. TornadoVM 5.2 does
 * not pass on OpenCL's CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT (its driver defines the constant but
 * never queries it), so this reads what the device does report: PoCL names its CPU device after the
 * LLVM target it compiles for ("pthread-skylake-avx512"), and a CPU OpenCL device runs on the host's
 * cores, whose flags Linux lists in /proc/cpuinfo. {@code -Dbgnet.tornado.vectorWidth=8} (or 16) sets it by
 * hand, to compare the two forms on one machine.
 */
final class DeviceVectorWidth {
    private DeviceVectorWidth() {
    }

    /** The JVM flag that sets the width by hand. */
    static final String PROPERTY = "bgnet.tornado.vectorWidth";
    /** The JVM flag that turns the Winograd kernel on ({@code -Dbgnet.tornado.winograd=true}), for comparisons. */
    static final String WINOGRAD = "bgnet.tornado.winograd";

    /** Whether 16-wide profiles use the Winograd kernel: only with -Dbgnet.tornado.winograd=true. */
    static boolean winograd() {
        return "true".equals(System.getProperty(WINOGRAD));
    }

    static int of(TornadoDevice device) {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            if (!forced.equals("8") && !forced.equals("16")) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be 8 or 16, got " + forced);
            }
            return Integer.parseInt(forced);
        }
        return of(device.getDeviceName(), cpuFlags());
    }

    /** From the device's name and the host CPU's flags line (empty when unknown). */
    static int of(String deviceName, String cpuFlags) {
        String name = deviceName.toLowerCase(Locale.ROOT);
        if (name.contains("avx512")) {
            return 16;
        }
        return (" " + cpuFlags + " ").contains(" avx512f ") ? 16 : 8;
    }

    /** The first "flags" line of /proc/cpuinfo, or "" where there is none. */
    static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            return "";
        }
        return "";
    }
}
