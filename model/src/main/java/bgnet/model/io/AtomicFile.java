package bgnet.model.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one: the bytes go to a
 * hidden temporary file in the target's folder (same file system, so the rename is atomic), which
 * then replaces the target. On any failure the temporary file is deleted and the target is untouched.
 */
final class AtomicFile {

    /** What to write; the stream is buffered and closed by {@link #write}. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path target, Body body) throws OutputException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = checkFolder(target, absolute);
        Path temp = createTemp(target, folder, absolute.getFileName().toString());
        InterruptCleanup.Registration undo = InterruptCleanup.register(() -> deleteQuietly(temp));
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.WRITE), 1 << 16)) {
                body.writeTo(out);
            }
            // One step: an interrupt either removes the temporary file or sees it already in place.
            InterruptCleanup.atomically(() -> {
                replace(temp, absolute);
                undo.close();
            });
            moved = true;
        } catch (IOException e) {
            throw new OutputException(target + ": write failed (" + IoMessages.reason(e) + ")", e);
        } finally {
            // Also covers RuntimeExceptions and Errors from the body, which propagate unchanged.
            if (!moved) {
                deleteQuietly(temp);
                undo.close();
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done; the original failure is the one to report.
        }
    }

    private static Path checkFolder(Path target, Path absolute) throws OutputException {
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new OutputException(target + ": cannot write, not a file path");
        }
        if (!Files.exists(folder)) {
            throw new OutputException(target + ": cannot write, folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new OutputException(target + ": cannot write, " + folder + " is not a folder");
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputException(target + ": cannot write, it is a folder");
        }
        return folder;
    }

    // Not Files.createTempFile: that makes the file owner-only (0600), and the rename would keep it.
    private static Path createTemp(Path target, Path folder, String name) throws OutputException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw new OutputException(target + ": cannot create a temporary file in " + folder, e);
                }
            } catch (IOException e) {
                throw new OutputException(target + ": cannot write in folder " + folder
                        + " (" + IoMessages.reason(e) + ")", e);
            }
        }
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
