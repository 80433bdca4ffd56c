package bgnet.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What is wrong with a path given as an input file, if anything. Only regular files are read: a FIFO
 * would block the reader forever and a device such as /dev/null or /dev/zero gives nothing or no end.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Empty when {@code file} is a readable regular file (links followed); else why not, e.g. "no such file".
     * {@code what} names the expected kind in "is a folder, not an image".
     */
    public static Optional<String> problem(Path file, String what) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.of(Files.exists(file) ? "cannot read (" + IoMessages.reason(e) + ")" : "no such file");
        }
        if (attrs.isDirectory()) {
            return Optional.of("is a folder, not " + what);
        }
        if (!attrs.isRegularFile()) {
            return Optional.of("is not a regular file (a pipe, device or socket cannot be read as " + what + ")");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot read (permission denied)");
        }
        return Optional.empty();
    }
}
