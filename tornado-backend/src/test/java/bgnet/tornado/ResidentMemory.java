package bgnet.tornado;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How much of a file mapping is resident, from the kernel's own account (/proc/self/smaps, Linux). */
final class ResidentMemory {
    private ResidentMemory() {
    }

    /** Resident bytes over the mappings whose line names {@code fileName}; -1 when no mapping does. */
    static long ofMapping(String fileName) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long kb = -1;
        boolean inside = false;
        for (String line : lines) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inside = line.contains(fileName);
                if (inside && kb < 0) {
                    kb = 0;
                }
            } else if (inside && line.startsWith("Rss:")) {
                kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb < 0 ? -1 : kb * 1024;
    }
}
