package bgnet.model.checkpoint;

import bgnet.model.MemoryBudget;
import bgnet.model.MemoryShortage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip side of a torch>=1.6 checkpoint: {@code <root>/data.pkl}, the storages
 * {@code <root>/data/<key>} (fetched one by one through the central directory), and the
 * optional {@code <root>/byteorder} that torch>=2.1 writes ("little" unless it says "big").
 */
final class CheckpointArchive implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final String root;
    private final ByteOrder order;

    private CheckpointArchive(Path file, ZipFile zip, String root) throws CheckpointException {
        this.file = file;
        this.zip = zip;
        this.root = root;
        this.order = byteOrder();
    }

    static CheckpointArchive open(Path file) throws CheckpointException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CheckpointException(file, "truncated or corrupt zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the file (" + e + ")", e);
        }
        try {
            return new CheckpointArchive(file, zip, findRoot(file, zip));
        } catch (CheckpointException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    // torch names the root folder after the file it first saved to, so find it by data.pkl.
    private static String findRoot(Path file, ZipFile zip) throws CheckpointException {
        List<String> roots = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash).equals("/data.pkl")) {
                roots.add(name.substring(0, slash));
            }
        }
        if (roots.isEmpty()) {
            throw new CheckpointException(file, "foreign zip: no <root>/data.pkl entry, so not a PyTorch checkpoint");
        }
        if (roots.size() > 1) {
            throw new CheckpointException(file, "ambiguous zip: data.pkl in several folders " + roots);
        }
        return roots.getFirst();
    }

    private ByteOrder byteOrder() throws CheckpointException {
        ZipEntry entry = zip.getEntry(root + "/byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(read(entry, 16), StandardCharsets.US_ASCII).strip();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new CheckpointException(file, "unknown byteorder '" + bgnet.model.io.SafeText.escape(text)
                    + "' (expected 'little' or 'big')");
        };
    }

    /** The pickled object graph. */
    byte[] pickle() throws CheckpointException {
        ZipEntry entry = zip.getEntry(root + "/data.pkl");
        return read(entry, Integer.MAX_VALUE - 8);
    }

    /** The first {@code storage.numel()} elements of a storage, in the file's byte order. */
    ByteBuffer storage(StorageRef storage) throws CheckpointException {
        String name = root + "/data/" + storage.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointException(file, "storage data/" + storage.key() + " is missing from the zip");
        }
        if (storage.numel() > (Integer.MAX_VALUE - 8) / storage.dtype().elementSize) {
            throw new CheckpointException(file, "storage data/" + storage.key() + " is over 2 GiB, too large for this reader");
        }
        long need = storage.numel() * storage.dtype().elementSize;
        if (entry.getSize() >= 0 && entry.getSize() < need) {
            throw truncated(storage, entry.getSize(), need);
        }
        // The bytes, and the float32 copy the tensors are gathered into.
        try {
            MemoryBudget.require(need + storage.numel() * Float.BYTES, "checkpoint " + file + ": storage data/"
                    + storage.key() + " (" + storage.numel() + " " + storage.dtype().torchName + " elements)", null);
        } catch (MemoryShortage e) {
            throw new CheckpointException(file, e.getMessage().substring(("checkpoint " + file + ": ").length()), e);
        }
        byte[] bytes = read(entry, (int) need);
        if (bytes.length < need) {
            throw truncated(storage, bytes.length, need);
        }
        return ByteBuffer.wrap(bytes).order(order);
    }

    private CheckpointException truncated(StorageRef storage, long holds, long need) {
        return new CheckpointException(file, "storage data/" + storage.key() + " is truncated: it holds "
                + holds + " bytes but " + storage.numel() + " " + storage.dtype().torchName
                + " elements need " + need);
    }

    private byte[] read(ZipEntry entry, int limit) throws CheckpointException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new CheckpointException(file, "truncated or corrupt zip entry " + entry.getName() + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    // Only reads happened, so a failing close loses nothing.
    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing to recover
        }
    }
}
