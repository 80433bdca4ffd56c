package bgnet.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What stood at an output path before a set of outputs was written, kept so that a rollback puts it
 * back instead of deleting it. The old file is kept as a hidden hard link next to it (no copying; a
 * copy where the file system has no hard links); a path that did not exist is restored by deleting.
 */
final class PreviousFile {
    private final Path target;
    private final Path kept;

    private PreviousFile(Path target, Path kept) {
        this.target = target;
        this.kept = kept;
    }

    /** Keeps the file now at {@code target}, if there is one. */
    static PreviousFile keep(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // Nothing there, or a link (the writer replaces the link itself, not what it points to).
            return new PreviousFile(absolute, Files.isSymbolicLink(absolute) ? keptLink(absolute) : null);
        }
        for (int attempt = 0; ; attempt++) {
            Path kept = hiddenName(absolute);
            try {
                Files.createLink(kept, absolute);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
                continue;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.copy(absolute, kept, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return new PreviousFile(absolute, kept);
        }
    }

    private static Path keptLink(Path link) throws IOException {
        Path kept = hiddenName(link);
        Files.createSymbolicLink(kept, Files.readSymbolicLink(link));
        return kept;
    }

    private static Path hiddenName(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".old");
    }

    /** Puts the old file back (or removes the new one where there was none). */
    void restore() throws IOException {
        if (kept == null) {
            Files.deleteIfExists(target);
            return;
        }
        try {
            Files.move(kept, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(kept, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The new file stays: the kept old one goes. */
    void discard() throws IOException {
        if (kept != null) {
            Files.deleteIfExists(kept);
        }
    }
}
