package bgnet.tornado.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The key's bytecode part changes when any kernel class changes, and only then. */
class BytecodeHashTest {
    @TempDir
    Path classes;

    @Test
    void changesWithTheBytecode() throws Exception {
        Path kernel = classes.resolve("bgnet/kernels/Conv2dKernels.class");
        Files.createDirectories(kernel.getParent());
        Files.write(kernel, new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        Files.writeString(classes.resolve("README.txt"), "not a class");
        String before = BytecodeHash.of(List.of(classes));
        assertEquals(before, BytecodeHash.of(List.of(classes)));
        Files.writeString(classes.resolve("README.txt"), "still not a class");
        assertEquals(before, BytecodeHash.of(List.of(classes)), "only class files count");
        Files.write(kernel, new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 4});
        assertNotEquals(before, BytecodeHash.of(List.of(classes)));
    }

    @Test
    void coversTheRealKernelClasses() {
        String h = BytecodeHash.of(bgnet.tornado.cache.KernelCache.class, bgnet.kernels.CostVolumeKernels.class);
        assertEquals(32, h.length());
    }
}
