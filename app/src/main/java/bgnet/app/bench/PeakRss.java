package bgnet.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set (VmHWM), which counts the JVM, heap and native memory alike. */
public final class PeakRss {
    private PeakRss() {
    }

    /** Peak RSS in MiB, or -1 where /proc/self/status is missing (not Linux). */
    public static double megabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
