package bgnet.tornado.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the bytecode the kernels are compiled from: every {@code .class} file of the jars or class
 * folders that hold the given classes (the kernel classes and the code that makes the tasks), by name
 * and content. Any change to a kernel, or to how tasks are put together, changes it.
 */
public final class BytecodeHash {
    private BytecodeHash() {
    }

    /** The hash over the code sources of {@code classes} (each source once). */
    public static String of(Class<?>... classes) {
        List<Path> sources = new ArrayList<>();
        for (Class<?> c : classes) {
            Path p = location(c);
            if (!sources.contains(p)) {
                sources.add(p);
            }
        }
        return of(sources);
    }

    static String of(List<Path> sources) {
        MessageDigest all = Sha256.digest();
        for (Path source : sources) {
            TreeMap<String, byte[]> classes = Files.isDirectory(source) ? fromFolder(source) : fromJar(source);
            for (var e : classes.entrySet()) {
                all.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                all.update((byte) 0);
                all.update(Sha256.digest().digest(e.getValue()));
            }
        }
        return HexFormat.of().formatHex(all.digest()).substring(0, 32);
    }

    private static Path location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new IllegalStateException("no code source for " + c.getName());
        }
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("code source of " + c.getName() + ": " + cs.getLocation(), e);
        }
    }

    private static TreeMap<String, byte[]> fromFolder(Path dir) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading classes under " + dir, e);
        }
        return out;
    }

    private static TreeMap<String, byte[]> fromJar(Path jar) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            for (JarEntry e : f.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = f.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading classes in " + jar, e);
        }
        return out;
    }
}
