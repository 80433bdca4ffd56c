package bgnet.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before any work, an output that would overwrite an input (also through {@code ../}, a
 * symbolic link or a hard link) or that two outputs name the same file: one would silently replace
 * the other, or the user's input would be destroyed.
 */
public final class PathClashes {
    private record Named(String option, Path path) {
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** An input file; null (option not given) is ignored. */
    public PathClashes input(String option, Path path) {
        if (path != null) {
            inputs.add(new Named(option, path));
        }
        return this;
    }

    /** An output file; null (option not given) is ignored. */
    public PathClashes output(String option, Path path) {
        if (path != null) {
            outputs.add(new Named(option, path));
        }
        return this;
    }

    /** @throws UserError naming both options and the path when two of them are one file */
    public void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            for (Named in : inputs) {
                if (sameFile(out.path, in.path)) {
                    throw new UserError(out.option + " " + out.path + " is the input " + in.option + " " + in.path
                            + ": writing it would destroy the input; choose another output path");
                }
            }
            for (int j = 0; j < i; j++) {
                Named other = outputs.get(j);
                if (sameFile(out.path, other.path)) {
                    throw new UserError(out.option + " " + out.path + " and " + other.option + " " + other.path
                            + " are the same file: one would replace the other; give each output its own path");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // fall back to comparing where the names lead
            }
        }
        return where(a).equals(where(b));
    }

    /** The path with its folder's links and {@code ..} resolved the way the file system will resolve them. */
    private static Path where(Path p) {
        Path absolute = p.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException notThere) {
            Path folder = absolute.getParent();
            try {
                return folder == null ? absolute.normalize() : folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException noFolder) {
                return absolute.normalize();
            }
        }
    }
}
