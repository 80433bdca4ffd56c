package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.network.NetworkProgram;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import bgnet.tornado.cache.EntryTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.lang.management.ManagementFactory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kernels from the kernel cache give bit-identical results to kernels TornadoVM compiled, for both
 * networks on the device tier (the reference tier does not use the cache): the first runner compiles and writes the entry (after its first run), the
 * second takes every kernel from it. A cached kernel the driver refuses means compiling again, the
 * same result, one line on stderr and a rewritten entry.
 */
class CachedKernelsTest {
    private static final float[] LEFT = Fixtures.f32("input_small_left.f32");
    private static final float[] RIGHT = Fixtures.f32("input_small_right.f32");

    @TempDir
    Path cache;

    @Test
    void bgnetDeviceTierAndARefusedKernel() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        float[] compiled = assertCachedEqualsCompiled("bgnet_random.pth", KernelTier.FAST);
        Path entry = EntryTamper.onlyEntry(cache);
        EntryTamper.breakFirstKernel(entry);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TornadoRunner third = prepare(program, KernelTier.FAST)) {
            assertEquals("refused", third.kernelSetup().orElseThrow().cache());
            assertArrayEquals(compiled, third.run(LEFT, RIGHT));
        } finally {
            System.setErr(err);
        }
        String lines = captured.toString(StandardCharsets.UTF_8);
        assertTrue(lines.lines().anyMatch(l -> l.startsWith("bgnet: kernel cache entry ") && l.contains("failed to build")), lines);
        try (TornadoRunner fourth = prepare(program, KernelTier.FAST)) {
            assertEquals("hit", fourth.kernelSetup().orElseThrow().cache(), "the entry was rewritten");
            assertArrayEquals(compiled, fourth.run(LEFT, RIGHT));
        }
    }

    @Test
    void bgnetPlusDeviceTier() throws Exception {
        assertCachedEqualsCompiled("bgnet_plus_random.pth", KernelTier.FAST);
    }

    /** The reference tier does not use the cache (its cached kernels gave other results): it compiles. */
    @Test
    void referenceTierCompiles() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        try (TornadoRunner r = prepare(program, KernelTier.REFERENCE)) {
            assertEquals("off", r.kernelSetup().orElseThrow().cache());
        }
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void offWritesNothing() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        BackendOptions off = new BackendOptions(false, false, KernelTier.FAST, "off");
        try (TornadoRunner r = (TornadoRunner) new TornadoProvider().create(null, off).prepare(program)) {
            assertEquals("off", r.kernelSetup().orElseThrow().cache());
            r.run(LEFT, RIGHT);
        }
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
    }

    private TornadoRunner prepare(NetworkProgram program, KernelTier tier) {
        BackendOptions options = new BackendOptions(false, false, tier, cache.toString());
        return (TornadoRunner) new TornadoProvider().create(null, options).prepare(program);
    }

    /**
     * A fresh JVM, where TornadoVM has built no sketch yet, runs the program from the same entry: the
     * same disparity, and no task method went through TornadoVM's sketcher (they were seeded). With
     * {@code thenCompile} the child then compiles the same program, which needs the real sketches.
     */
    private void assertFreshProcessEquals(float[] compiled, String checkpoint, KernelTier tier, boolean thenCompile)
            throws Exception {
        Path out = cache.resolve("child-disparity.bin");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Dbgnet.testdata=" + System.getProperty("bgnet.testdata")); // set by surefire, not on the command line
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "bgnet.tornado.cache.CachedRunChild",
                checkpoint, tier.name(), cache.toString(), out.toString(), thenCompile ? "then-compile" : "-"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        Matcher m = Pattern.compile("cache=hit seeded=(\\d+) built=0").matcher(output);
        assertTrue(m.find(), output);
        assertTrue(Integer.parseInt(m.group(1)) > 0, output);
        if (thenCompile) {
            // Compiling the seeded methods afterwards built their real sketches and gave the same disparity.
            assertTrue(Pattern.compile("compiled-after equal built=[1-9]").matcher(output).find(), output);
        }
        float[] fresh = new float[compiled.length];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = in.readFloat();
            }
        }
        Files.delete(out);
        assertArrayEquals(compiled, fresh);
    }

    private float[] assertCachedEqualsCompiled(String checkpoint, KernelTier tier) throws Exception {
        NetworkProgram program = FixtureRun.plan(checkpoint);
        float[] compiled;
        try (TornadoRunner first = prepare(program, tier)) {
            assertEquals("miss", first.kernelSetup().orElseThrow().cache());
            assertTrue(first.kernelSetup().orElseThrow().compileMs() > 0);
            compiled = first.run(LEFT, RIGHT).clone();
        }
        try (TornadoRunner second = prepare(program, tier)) {
            assertEquals("hit", second.kernelSetup().orElseThrow().cache());
            assertEquals(0, second.kernelSetup().orElseThrow().compileMs());
            assertArrayEquals(compiled, second.run(LEFT, RIGHT));
        }
        assertFreshProcessEquals(compiled, checkpoint, tier, checkpoint.equals("bgnet_random.pth"));
        return compiled;
    }
}
