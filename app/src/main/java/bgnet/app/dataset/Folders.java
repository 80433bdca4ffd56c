package bgnet.app.dataset;

import bgnet.app.UserError;
import bgnet.model.io.ImageFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Folder listings in name order (so runs and reports are reproducible), with one-line errors. */
final class Folders {
    private Folders() {
    }

    static List<Path> files(Path dir) {
        return list(dir, false);
    }

    static List<Path> subfolders(Path dir) {
        return list(dir, true);
    }

    static void requireSameSize(Path a, int aw, int ah, Path b, int bw, int bh) throws ImageFormatException {
        if (aw != bw || ah != bh) {
            throw new ImageFormatException(a + " is " + aw + "x" + ah + " but " + b + " is " + bw + "x" + bh);
        }
    }

    private static List<Path> list(Path dir, boolean folders) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
