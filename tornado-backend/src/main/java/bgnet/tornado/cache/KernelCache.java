package bgnet.tornado.cache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder of kernel cache entries, one sub-folder per {@link CacheKey}: a {@link Manifest} and the
 * kernel sources it names. Entries are written whole in a private folder and renamed into place, so a
 * reader sees a complete entry or none, and two processes filling the same entry both succeed (the last
 * rename wins; both wrote the same thing). Anything wrong with an entry makes it a miss, with one line
 * on {@code log}; a folder that cannot be written means running without the cache, with one line.
 */
public final class KernelCache {
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String OLD_PREFIX = ".old-";
    private final Path root;
    private final PrintStream log;

    public KernelCache(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    public Path root() {
        return root;
    }

    /** The valid entry for {@code key}, or empty (absent, or refused with one line on the log). */
    public Optional<CacheEntry> lookup(CacheKey key) {
        Path dir = root.resolve(key.hash());
        Path manifest = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            List<TaskRecord> tasks = Manifest.read(Files.readAllBytes(manifest), key.text());
            for (TaskRecord t : tasks) {
                byte[] source = Files.readAllBytes(dir.resolve(t.kernel()));
                if (!t.kernel().startsWith(Sha256.hex(source) + ".")) {
                    throw new CorruptEntryException("kernel " + t.kernel() + " does not match its checksum");
                }
            }
            return Optional.of(new CacheEntry(dir, tasks));
        } catch (CorruptEntryException e) {
            refused(dir, e.getMessage());
        } catch (IOException e) {
            refused(dir, "unreadable (" + e + ")");
        }
        return Optional.empty();
    }

    /** Logs one line about an entry that will be compiled again and rewritten. */
    public void refused(Path dir, String why) {
        log.println("bgnet: kernel cache entry " + dir + " not used (" + why + "); compiling the kernels again");
    }

    /**
     * Writes the entry for {@code key}: the tasks and the sources they name (file name → source). Returns
     * false, with one line on the log, where the folder cannot take it (read-only, full, ...).
     */
    public boolean store(CacheKey key, List<TaskRecord> tasks, Map<String, byte[]> sources) {
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, TEMP_PREFIX);
            for (Map.Entry<String, byte[]> s : sources.entrySet()) {
                Files.write(temp.resolve(s.getKey()), s.getValue());
            }
            Files.write(temp.resolve(Manifest.FILE), Manifest.write(key.text(), tasks));
            moveIntoPlace(temp, root.resolve(key.hash()));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            log.println("bgnet: kernel cache " + root + " cannot be written (" + reason(e) + "); running without it");
            if (temp != null) {
                deleteQuietly(temp);
            }
            return false;
        }
    }

    /**
     * Renames {@code temp} to {@code target}. An entry already there was found unusable (else we would not
     * be writing): it is moved aside once; one that appears after that is a concurrent writer's fresh
     * entry for the same key, as good as ours, which is then dropped.
     */
    private void moveIntoPlace(Path temp, Path target) throws IOException {
        boolean movedAside = false;
        for (int attempt = 0; ; attempt++) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (FileSystemException e) {
                if (!Files.exists(target)) {
                    if (attempt >= 5) {
                        throw e;
                    }
                    continue;
                }
                if (movedAside) {
                    deleteQuietly(temp);
                    return;
                }
                Path old = root.resolve(OLD_PREFIX + UUID.randomUUID());
                try {
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                    deleteQuietly(old);
                } catch (NoSuchFileException gone) {
                    // another writer moved it first
                }
                movedAside = true;
            }
        }
    }

    /** One entry as listed: its folder name, key, size on disk and last write. */
    public record Listed(String name, String key, long bytes, FileTime modified) {
    }

    /** The entries, newest first; unreadable ones are listed with a key saying so. */
    public List<Listed> list() throws IOException {
        List<Listed> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || name.startsWith(".")) {
                    continue;
                }
                String key;
                try {
                    key = Manifest.key(Files.readAllBytes(dir.resolve(Manifest.FILE)));
                } catch (IOException | CorruptEntryException e) {
                    key = "(unreadable: " + (e instanceof CorruptEntryException ? e.getMessage() : reason(e)) + ")";
                }
                out.add(new Listed(name, key, size(dir), Files.getLastModifiedTime(dir)));
            }
        }
        out.sort(Comparator.comparing(Listed::modified).reversed());
        return out;
    }

    /** Deletes every entry (and leftovers of interrupted writes); returns how many entries went. */
    public int clear() throws IOException {
        int n = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(Manifest.FILE))
                        || dir.getFileName().toString().startsWith(TEMP_PREFIX)
                        || dir.getFileName().toString().startsWith(OLD_PREFIX)) {
                    if (!dir.getFileName().toString().startsWith(".")) {
                        n++;
                    }
                    delete(dir);
                }
            }
        }
        return n;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException ignored) {
            // a leftover folder with a '.' name: never read as an entry, removed by clear
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        if (e instanceof FileSystemException f) {
            return e.getClass().getSimpleName() + ": " + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
