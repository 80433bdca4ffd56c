package bgnet.tornado;

import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Host stand-ins for device-only buffers. TornadoVM ties every device buffer to a host array of the
 * same size, but an activation that never leaves the device is never read or written on the host. So
 * these arrays live in one mapping of a sparse, already deleted temporary file: the OS backs a page
 * only once it is touched, and only the arrays' headers ever are. No restricted (native) call is needed.
 */
final class DeviceOnlyMemory implements AutoCloseable {
    /** Each array starts on its own page, so one array's header is the only page it makes resident. */
    private static final long PAGE = 4096;

    private final Arena arena = Arena.ofShared();
    private final FileChannel file;
    private final String fileName;
    private long used;
    private long bytes;
    private int arrays;

    DeviceOnlyMemory() {
        try {
            Path path = Files.createTempFile("bgnet-device-only", ".map");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            fileName = path.getFileName().toString();
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve host address space for device buffers: " + e.getMessage(), e);
        }
    }

    /** A FloatArray of {@code floats} elements whose data pages stay unbacked until touched. */
    FloatArray floats(int floats) {
        long size = TornadoNativeArray.ARRAY_HEADER + 4L * floats;
        try {
            MemorySegment segment = file.map(FileChannel.MapMode.READ_WRITE, used, size, arena);
            used += Math.ceilDiv(size, PAGE) * PAGE;
            bytes += 4L * floats;
            arrays++;
            return FloatArray.fromSegmentShallow(segment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + size + " bytes for a device buffer: " + e.getMessage(), e);
        }
    }

    /** Float bytes handed out (all of it address space, not memory). */
    long bytes() {
        return bytes;
    }

    /** Arrays handed out. */
    int arrays() {
        return arrays;
    }

    /** The (deleted) file's name, as the process's memory map names the mapping. */
    String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        arena.close();
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
