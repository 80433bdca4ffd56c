package bgnet.tornado.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: damages a cache entry in ways its checksums cannot see. */
public final class EntryTamper {
    private EntryTamper() {
    }

    /**
     * Replaces the first task's kernel with OpenCL C the driver refuses, under a correct checksum and a
     * rewritten manifest, so that only building it can tell.
     */
    public static void breakFirstKernel(Path entry) throws Exception {
        byte[] manifest = Files.readAllBytes(entry.resolve(Manifest.FILE));
        String key = Manifest.key(manifest);
        List<TaskRecord> tasks = new ArrayList<>(Manifest.read(manifest, key));
        TaskRecord first = tasks.get(0);
        byte[] broken = ("__kernel void " + first.entryPoint() + "(__global long *_kernel_context) { this is not C }\n")
                .getBytes(StandardCharsets.UTF_8);
        String file = Sha256.hex(broken) + ".cl";
        Files.write(entry.resolve(file), broken);
        tasks.set(0, new TaskRecord(first.graph(), first.task(), first.entryPoint(), file, first.accesses(),
                first.global(), first.local(), first.args()));
        Files.write(entry.resolve(Manifest.FILE), Manifest.write(key, tasks));
    }

    /** The entry's folder (there is exactly one under {@code root}). */
    public static Path onlyEntry(Path root) throws Exception {
        try (var dirs = Files.list(root)) {
            List<Path> entries = dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).toList();
            if (entries.size() != 1) {
                throw new AssertionError("expected one entry under " + root + ", found " + entries);
            }
            return entries.get(0);
        }
    }
}
