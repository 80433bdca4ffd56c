package bgnet.tornado.cache;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the kernel cache lives: the {@code --kernel-cache} option, else the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENV}, else the user's cache folder
 * ({@code $XDG_CACHE_HOME/bgnet/kernels}, or {@code ~/.cache/bgnet/kernels}). {@value #OFF} at any
 * of these levels turns the cache off.
 */
public final class KernelCacheFolder {
    public static final String ENV = "BGNET_KERNEL_CACHE";
    public static final String PROPERTY = "bgnet.kernel.cache";
    public static final String OFF = "off";

    private KernelCacheFolder() {
    }

    /** The folder for this process (empty: the cache is off). */
    public static Optional<Path> resolve(String option) {
        return resolve(option, System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Optional<Path> resolve(String option, String property, Map<String, String> env, String home) {
        for (String given : new String[] {option, property, env.get(ENV)}) {
            if (given != null && !given.isBlank()) {
                return OFF.equalsIgnoreCase(given.strip()) ? Optional.empty() : Optional.of(path(given.strip()));
            }
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? path(xdg) : path(home).resolve(".cache");
        return Optional.of(base.resolve("bgnet").resolve("kernels"));
    }

    private static Path path(String name) {
        try {
            return Path.of(name).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("kernel cache: not a folder name: " + name, e);
        }
    }
}
