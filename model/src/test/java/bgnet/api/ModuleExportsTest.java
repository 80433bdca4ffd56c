package bgnet.api;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Module bgnet.model exports the API package to everyone and its internals only to the project's own modules. */
class ModuleExportsTest {

    @Test
    void onlyTheApiIsExportedToEveryone() throws Exception {
        Path classes = Path.of(StereoModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module;
        try (InputStream in = Files.isDirectory(classes) ? Files.newInputStream(classes.resolve("module-info.class"))
                : new java.util.jar.JarFile(classes.toFile()).getInputStream(new java.util.zip.ZipEntry("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertEquals("bgnet.model", module.name());
        Set<String> open = new TreeSet<>();
        Map<String, Set<String>> qualified = new TreeMap<>();
        for (ModuleDescriptor.Exports e : module.exports()) {
            if (e.isQualified()) {
                qualified.put(e.source(), new TreeSet<>(e.targets()));
            } else {
                open.add(e.source());
            }
        }
        assertEquals(Set.of("bgnet.api"), open);
        assertEquals(Set.of("bgnet.model", "bgnet.model.backend", "bgnet.model.checkpoint", "bgnet.model.io",
                "bgnet.model.network", "bgnet.model.weights"), qualified.keySet());
        qualified.values().forEach(targets -> assertEquals(true, Set.of("bgnet.app", "bgnet.tornado").containsAll(targets),
                "internals exported outside the project: " + targets));
        assertEquals(true, module.opens().isEmpty());
        // What a user's module reads through bgnet.model: only what the API's signatures need (BufferedImage).
        Set<String> transitive = new TreeSet<>();
        module.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .forEach(r -> transitive.add(r.name()));
        assertEquals(Set.of("java.desktop"), transitive);
    }
}
