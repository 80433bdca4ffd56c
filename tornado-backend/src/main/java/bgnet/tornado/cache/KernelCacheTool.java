package bgnet.tornado.cache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bgnet kernel-cache list|clear [--kernel-cache DIR]}: the entries of the TornadoVM backend's
 * kernel cache (folder, size, age, key) and deleting them all.
 */
public final class KernelCacheTool {
    private KernelCacheTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length > 0 ? args[0] : "";
        String folder = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--kernel-cache") && i + 1 < args.length) {
                folder = args[++i];
            } else if (args[i].startsWith("--kernel-cache=")) {
                folder = args[i].substring("--kernel-cache=".length());
            } else {
                err.println("error: unknown argument " + args[i] + " (usage: kernel-cache list|clear [--kernel-cache DIR])");
                return 2;
            }
        }
        if (!command.equals("list") && !command.equals("clear")) {
            err.println("error: kernel-cache needs list or clear (usage: kernel-cache list|clear [--kernel-cache DIR])");
            return 2;
        }
        Optional<Path> root = KernelCacheFolder.resolve(folder);
        if (root.isEmpty()) {
            out.println("the kernel cache is off");
            return 0;
        }
        KernelCache cache = new KernelCache(root.get(), err);
        try {
            if (command.equals("clear")) {
                out.println("removed " + cache.clear() + " entries from " + root.get());
                return 0;
            }
            var entries = cache.list();
            out.println(entries.size() + " entries in " + root.get());
            for (KernelCache.Listed e : entries) {
                Duration age = Duration.between(e.modified().toInstant(), Instant.now());
                out.printf(Locale.ROOT, "%s  %8.1f KB  %s old  %s%n", e.name(), e.bytes() / 1024.0, age(age), e.key());
            }
            return 0;
        } catch (IOException e) {
            err.println("error: kernel cache " + root.get() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        return Math.max(0, d.toMinutes()) + "min";
    }
}
