package bgnet.tornado.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.manchester.tornado.api.common.Access;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The cache folder's safety: what a damaged, stale, shared or unwritable folder does. No device needed. */
class KernelCacheTest {
    private static final CacheKey KEY = new CacheKey("format=1;device=test;network=BGNet 256x128");
    private static final byte[] SOURCE = "__kernel void copy(__global uchar *a) { }\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    private KernelCache cache() {
        return new KernelCache(root, new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    private static String file() {
        return Sha256.hex(SOURCE) + ".cl";
    }

    private static List<TaskRecord> tasks() {
        return List.of(new TaskRecord(0, "t0", "copy", file(), List.of(Access.READ_ONLY, Access.NONE),
                        new long[] {128}, null, List.of("FloatArray[128]", "Integer=128")),
                new TaskRecord(1, "t1", "copy", file(), List.of(Access.WRITE_ONLY), new long[] {64, 2},
                        new long[] {16, 1}, List.of("float[64]")));
    }

    private boolean store(KernelCache c) {
        return c.store(KEY, tasks(), Map.of(file(), SOURCE));
    }

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void storedEntryReadsBack() {
        assertTrue(store(cache()));
        CacheEntry e = cache().lookup(KEY).orElseThrow();
        assertEquals(2, e.tasks().size());
        TaskRecord t1 = e.task(1, "t1");
        assertArrayEquals(new long[] {64, 2}, t1.global());
        assertArrayEquals(new long[] {16, 1}, t1.local());
        assertEquals(List.of(Access.WRITE_ONLY), t1.accesses());
        assertEquals(List.of("FloatArray[128]", "Integer=128"), e.task(0, "t0").args());
        assertEquals(null, e.task(0, "t0").local());
        assertEquals("", log());
    }

    @Test
    void corruptKernelIsAMissWithOneLine() throws Exception {
        store(cache());
        Path kernel = root.resolve(KEY.hash()).resolve(file());
        Files.writeString(kernel, "__kernel void copy(__global uchar *a) { garbage }\n");
        assertTrue(cache().lookup(KEY).isEmpty());
        assertEquals(1, log().lines().count(), log());
        assertTrue(log().contains("does not match its checksum"), log());
    }

    @Test
    void truncatedManifestIsAMiss() throws Exception {
        store(cache());
        Path manifest = root.resolve(KEY.hash()).resolve(Manifest.FILE);
        byte[] all = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(cache().lookup(KEY).isEmpty());
        assertTrue(log().contains("truncated") || log().contains("checksum"), log());
    }

    @Test
    void missingKernelFileIsAMiss() throws Exception {
        store(cache());
        Files.delete(root.resolve(KEY.hash()).resolve(file()));
        assertTrue(cache().lookup(KEY).isEmpty());
        assertEquals(1, log().lines().count(), log());
    }

    @Test
    void entryOfAnotherKeyIsAMiss() throws Exception {
        store(cache());
        CacheKey other = new CacheKey(KEY.text() + ";tier=REFERENCE");
        // Another key's folder holding this key's entry (as a hash collision would): refused, not used.
        Files.move(root.resolve(KEY.hash()), root.resolve(other.hash()));
        assertTrue(cache().lookup(other).isEmpty());
        assertTrue(log().contains("another key"), log());
    }

    @Test
    void aRewriteReplacesABadEntry() throws Exception {
        store(cache());
        Files.writeString(root.resolve(KEY.hash()).resolve(file()), "broken");
        assertTrue(cache().lookup(KEY).isEmpty());
        assertTrue(store(cache()));
        assertTrue(cache().lookup(KEY).isPresent());
    }

    @Test
    void concurrentWritersBothSucceed() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 20; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return store(cache());
                    }));
                }
                start.countDown();
                for (Future<Boolean> f : done) {
                    assertTrue(f.get());
                }
                assertTrue(cache().lookup(KEY).isPresent(), "round " + round + ": " + log());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("", log());
        assertEquals(1, cache().list().size());
    }

    @Test
    void readOnlyFolderMeansNoCacheWithOneLine() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path ro = root.resolve("ro");
        Files.createDirectories(ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            KernelCache c = new KernelCache(ro, new PrintStream(logged, true, StandardCharsets.UTF_8));
            assertFalse(store(c));
            assertEquals(1, log().lines().count(), log());
            assertTrue(log().contains("cannot be written"), log());
            assertTrue(c.lookup(KEY).isEmpty());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A folder that cannot take a file (a regular file stands where the cache folder should be). */
    @Test
    void unusableFolderMeansNoCacheWithOneLine() throws Exception {
        Path blocked = root.resolve("file");
        Files.writeString(blocked, "not a folder");
        KernelCache c = new KernelCache(blocked.resolve("kernels"), new PrintStream(logged, true, StandardCharsets.UTF_8));
        assertFalse(store(c));
        assertEquals(1, log().lines().count(), log());
    }

    @Test
    void listAndClear() throws Exception {
        store(cache());
        List<KernelCache.Listed> entries = cache().list();
        assertEquals(1, entries.size());
        assertEquals(KEY.text(), entries.get(0).key());
        assertTrue(entries.get(0).bytes() > SOURCE.length);
        assertEquals(1, cache().clear());
        assertTrue(cache().list().isEmpty());
        assertTrue(cache().lookup(KEY).isEmpty());
    }

    @Test
    void keyChangesWithAnyPart() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("device", "a");
        parts.put("bytecode", "1");
        CacheKey k = CacheKey.of(parts);
        assertFalse(k.hash().equals(CacheKey.of(CacheKey.with(parts, "bytecode", "2")).hash()));
        assertFalse(k.hash().equals(CacheKey.of(CacheKey.with(parts, "layout", "UseCompactObjectHeaders=true")).hash()));
        assertEquals(k.hash(), CacheKey.of(new LinkedHashMap<>(parts)).hash());
    }
}
