package bgnet.tornado;

import bgnet.model.backend.MemoryPlan;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Tensor;
import bgnet.model.testing.FixtureRun;
import org.junit.jupiter.api.Test;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device tier's arrays: which have host memory behind them, and that the others really have none. */
class OffHeapArraysTest {

    @Test
    void onlyTheImagesAndTheDisparityAreHostBacked() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        try (OffHeapArrays arrays = new OffHeapArrays(program, false)) {
            assertTrue(arrays.hostBacked(program.left()));
            assertTrue(arrays.hostBacked(program.right()));
            assertTrue(arrays.hostBacked(program.disparity()));
            Set<Tensor> io = Set.of(program.left(), program.right(), program.disparity());
            program.named().values().stream().filter(t -> !io.contains(t))
                    .forEach(t -> assertFalse(arrays.hostBacked(t), "named tensor " + t));
            long ioBytes = 4L * (program.left().size() + program.right().size() + program.disparity().size());
            assertEquals(ioBytes, arrays.hostBytes());
            // Every other slot, and nothing else, is device-only.
            assertEquals(MemoryPlan.of(program, true).bytes() - ioBytes, arrays.deviceOnly().bytes());
        }
    }

    @Test
    void namedTensorsAreHostBackedWhenTheyAreCopiedBack() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        try (OffHeapArrays arrays = new OffHeapArrays(program, true)) {
            program.named().values().forEach(t -> assertTrue(arrays.hostBacked(t), "named tensor " + t));
        }
    }

    @Test
    void framesGoInAndComeOutThroughHostBackedArraysOnly() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth");
        try (OffHeapArrays arrays = new OffHeapArrays(program, false)) {
            float[] image = new float[program.left().size()];
            for (int i = 0; i < image.length; i++) {
                image[i] = i * 0.5f;
            }
            arrays.write(program.left(), image);
            float[] back = new float[image.length];
            arrays.read(program.left(), back);
            assertArrayEquals(image, back);
            assertEquals(image[77], arrays.of(program.left()).get(77));

            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> arrays.write(program.right(), new float[3]));
            assertTrue(size.getMessage().contains("3 pixels"), size.getMessage());
            Tensor named = program.tensor("dres0");
            IllegalStateException deviceOnly = assertThrows(IllegalStateException.class,
                    () -> arrays.read(named, new float[named.size()]));
            assertTrue(deviceOnly.getMessage().contains("device only"), deviceOnly.getMessage());
        }
    }

    /** 1 GiB of device-only arrays: address space only; the process's memory map shows the pages unbacked. */
    @Test
    void deviceOnlyArraysTakeNoHostMemory() {
        try (DeviceOnlyMemory memory = new DeviceOnlyMemory()) {
            assertTrue(memory.mapped());
            FloatArray a = memory.floats(128 << 20);
            FloatArray b = memory.floats(128 << 20);
            assertEquals(128 << 20, a.getSize());
            assertEquals(0f, b.get(12345));
            long resident = ResidentMemory.ofMapping(memory.fileName());
            assertTrue(resident >= 0, "no mapping named " + memory.fileName());
            // The headers and the one page read (with the kernel's 64 KiB fault-around): not the 1 GiB handed out.
            assertTrue(resident <= 1 << 20, "resident " + resident + " bytes");
            b.set(7 << 20, 1f);
            assertEquals(1f, b.get(7 << 20));
            assertTrue(ResidentMemory.ofMapping(memory.fileName()) > resident, "a written page becomes resident");
        }
    }

    /** Without a writable temporary folder the arrays are ordinary ones: the same values, host memory. */
    @Test
    void withoutATemporaryFolderTheArraysAreOrdinary() {
        try (DeviceOnlyMemory memory = new DeviceOnlyMemory(Path.of("/nonexistent/bgnet"))) {
            assertFalse(memory.mapped());
            FloatArray a = memory.floats(1000);
            a.set(999, 2.5f);
            assertEquals(2.5f, a.get(999));
            assertEquals(4000, memory.bytes());
            assertEquals(4000, memory.hostBytes());
        }
    }
}
