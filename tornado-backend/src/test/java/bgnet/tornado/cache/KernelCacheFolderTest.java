package bgnet.tornado.cache;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the cache lives: option, then system property, then environment, then the user's cache folder. */
class KernelCacheFolderTest {
    @Test
    void optionWinsOverEverything() {
        assertEquals(Optional.of(Path.of("/tmp/k")), KernelCacheFolder.resolve("/tmp/k", "/p", Map.of(KernelCacheFolder.ENV, "/e"), "/home/u"));
    }

    @Test
    void offAtAnyLevelTurnsItOff() {
        assertEquals(Optional.empty(), KernelCacheFolder.resolve("off", null, Map.of(), "/home/u"));
        assertEquals(Optional.empty(), KernelCacheFolder.resolve(null, "OFF", Map.of(), "/home/u"));
        assertEquals(Optional.empty(), KernelCacheFolder.resolve(null, null, Map.of(KernelCacheFolder.ENV, "off"), "/home/u"));
    }

    @Test
    void defaultIsTheUsersCacheFolder() {
        assertEquals(Optional.of(Path.of("/home/u/.cache/bgnet/kernels")), KernelCacheFolder.resolve(null, null, Map.of(), "/home/u"));
        assertEquals(Optional.of(Path.of("/x/bgnet/kernels")),
                KernelCacheFolder.resolve(null, null, Map.of("XDG_CACHE_HOME", "/x"), "/home/u"));
        assertEquals(Optional.of(Path.of("/e")), KernelCacheFolder.resolve(null, null, Map.of(KernelCacheFolder.ENV, "/e"), "/home/u"));
    }
}
