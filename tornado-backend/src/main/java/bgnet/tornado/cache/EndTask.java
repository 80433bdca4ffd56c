package bgnet.tornado.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel of the empty task that ends every graph built from a cache entry: TornadoVM 5.2 forces
 * the compilation of a graph's last task (an FPGA need), and a prebuilt task is never compiled by
 * Graal. It takes no arguments (TornadoVM's generated-kernel ABI) and runs on one work-item.
 */
final class EndTask {
    static final String ENTRY_POINT = "bgnetEnd";
    private static final String SOURCE = "__kernel void " + ENTRY_POINT + "(__global long *_kernel_context, "
            + "__constant uchar *_constant_region, __local uchar *_local_region, __global int *_atomics)\n{\n}\n";
    private static Path file;

    private EndTask() {
    }

    /** The kernel's source file (written once per process into the temporary folder). */
    static synchronized Path file() {
        if (file == null) {
            try {
                Path f = Files.createTempFile("bgnet-end-task", ".cl");
                Files.writeString(f, SOURCE, StandardCharsets.US_ASCII);
                f.toFile().deleteOnExit();
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException("writing the end task's kernel", e);
            }
        }
        return file;
    }
}
