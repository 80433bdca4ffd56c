package bgnet.tornado;

import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

import java.io.IOException;
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
 * Where no such file can be made (no writable temporary folder), the arrays are ordinary off-heap
 * ones: the network runs the same, with the host memory the mapping would have saved.
 */
final class DeviceOnlyMemory implements AutoCloseable {
    /** Each array starts on its own page, so one array's header is the only page it makes resident. */
    private static final long PAGE = 4096;

    private final Arena arena = Arena.ofShared();
    /** Null when no mapping could be made: the arrays are then ordinary ones. */
    private final FileChannel file;
    private final String fileName;
    private long used;
    private long bytes;
    private long hostBytes;
    private int arrays;

    DeviceOnlyMemory() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Maps a file made in {@code folder}. */
    DeviceOnlyMemory(Path folder) {
        FileChannel channel = null;
        String name = null;
        try {
            Path path = Files.createTempFile(folder, "bgnet-device-only", ".map");
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            name = path.getFileName().toString();
            Files.delete(path);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(channel);
            channel = null;
        }
        file = channel;
        fileName = name;
    }

    /** A FloatArray of {@code floats} elements whose data pages stay unbacked until touched. */
    FloatArray floats(int floats) {
        bytes += 4L * floats;
        arrays++;
        if (file == null) {
            return ordinary(floats);
        }
        long size = TornadoNativeArray.ARRAY_HEADER + 4L * floats;
        try {
            MemorySegment segment = file.map(FileChannel.MapMode.READ_WRITE, used, size, arena);
            used += Math.ceilDiv(size, PAGE) * PAGE;
            return FloatArray.fromSegmentShallow(segment);
        } catch (IOException e) {
            // Out of address space or file size: this one holds host memory instead.
            return ordinary(floats);
        }
    }

    private FloatArray ordinary(int floats) {
        hostBytes += 4L * floats;
        return new FloatArray(floats);
    }

    /** Bytes of the arrays that could not be mapped and hold host memory. */
    long hostBytes() {
        return hostBytes;
    }

    /** Whether the arrays are mapped (else they hold host memory like any other). */
    boolean mapped() {
        return file != null;
    }

    /** Float bytes handed out (address space, not memory, except {@link #hostBytes()}). */
    long bytes() {
        return bytes;
    }

    /** Arrays handed out. */
    int arrays() {
        return arrays;
    }

    /** The (deleted) file's name, as the process's memory map names the mapping (null when not mapped). */
    String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        arena.close();
        closeQuietly(file);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Nothing was written through it, and the file is already deleted.
        }
    }
}
