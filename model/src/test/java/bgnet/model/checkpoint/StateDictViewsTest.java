package bgnet.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small checkpoints in torch's zip format made by make_synthetic.py (see its docstring): strided
 * views of one shared storage, every convertible dtype, big-endian data, wrapped and
 * DataParallel state dicts. The grid storage of views.pth holds 0.5*i - 1 for i = 0..11.
 */
class StateDictViewsTest {

    @Test
    void viewsOfOneSharedStorageAreGatheredInCOrder() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("views.pth"));
        assertTensor(sd, "z.base", "float32", new int[] {3, 4},
                -1f, -0.5f, 0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f);
        // transposed: element [r][c] = grid[r + 4c]
        assertTensor(sd, "a.transposed", "float32", new int[] {4, 3},
                -1f, 1f, 3f, -0.5f, 1.5f, 3.5f, 0f, 2f, 4f, 0.5f, 2.5f, 4.5f);
        // offset 1, stride 4: column 1 of the 3x4 grid
        assertTensor(sd, "m.column", "float32", new int[] {3}, -0.5f, 1.5f, 3.5f);
        // 0-dim view at offset 7
        assertTensor(sd, "b.scalar", "float32", new int[0], 2.5f);
        // stride 0 (an expanded dimension) repeats the row grid[2..4]
        assertTensor(sd, "c.expanded", "float32", new int[] {2, 3}, 0f, 0.5f, 1f, 0f, 0.5f, 1f);
        assertTensor(sd, "e.empty", "float32", new int[] {0, 3});
    }

    @Test
    void everyConvertibleDtypeBecomesFloat() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("views.pth"));
        assertTensor(sd, "h.half", "float16", new int[] {4}, 1.5f, -2f, 65504f, 0x1p-10f);
        assertTensor(sd, "bf.bfloat16", "bfloat16", new int[] {2}, 1f, -3.5f);
        assertTensor(sd, "d.double", "float64", new int[] {3}, (float) 0.1, -2.25f, 3f);
        assertTensor(sd, "l.long", "int64", new int[] {2}, -3f, 42f);
        assertTensor(sd, "i.int", "int32", new int[] {2, 1}, -70000f, 9f);
        assertTensor(sd, "u.uint8", "uint8", new int[] {2}, 0f, 255f);
        assertTensor(sd, "t.bool", "bool", new int[] {2}, 1f, 0f);
    }

    @Test
    void keysKeepFileOrder() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("views.pth"));
        assertEquals(List.of("z.base", "a.transposed", "m.column", "b.scalar", "c.expanded", "h.half",
                "bf.bfloat16", "d.double", "l.long", "i.int", "u.uint8", "t.bool", "e.empty"), List.copyOf(sd.keys()));
    }

    @Test
    void orderSurvivesPickleBatchesOfAThousandItems() throws CheckpointException {
        // 1200 keys, written t1199 first, so pickle splits them over two SETITEMS batches.
        StateDict sd = StateDict.read(TestFiles.synthetic("many_keys.pth"));
        List<String> expected = new ArrayList<>();
        for (int i = 1199; i >= 0; i--) {
            expected.add(String.format("t%04d", i));
        }
        assertEquals(expected, List.copyOf(sd.keys()));
        assertArrayEquals(new float[] {1000f}, sd.get("t1000").values(), 0f);
        assertArrayEquals(new float[] {7f}, sd.get("t0007").values(), 0f);
    }

    @Test
    void bigEndianStoragesAreDecoded() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("bigendian.pth"));
        assertTensor(sd, "w", "float32", new int[] {2}, 1.25f, -7f);
        assertTensor(sd, "n", "int64", new int[0], 300f);
    }

    @Test
    void trainingCheckpointUsesItsStateDictAndDropsTheDataParallelPrefix() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("training.pth"));
        assertEquals(List.of("conv.weight", "conv.bias"), List.copyOf(sd.keys()));
        assertTensor(sd, "conv.weight", "float32", new int[] {2, 1, 1, 1}, 0.25f, -0.75f);
        assertTensor(sd, "conv.bias", "float32", new int[] {1}, 2f);
    }

    @Test
    void modelEntryIsUsedAndAPartialPrefixIsKept() throws CheckpointException {
        StateDict sd = StateDict.read(TestFiles.synthetic("model_key.pth"));
        assertEquals(List.of("module.a.weight", "b.weight"), List.copyOf(sd.keys()));
        assertTensor(sd, "module.a.weight", "float32", new int[] {2}, 0.25f, -0.75f);
    }

    private static void assertTensor(StateDict sd, String key, String dtype, int[] shape, float... values) {
        TensorData t = sd.get(key);
        assertEquals(key, t.key());
        assertEquals(dtype, t.dtype(), key);
        assertArrayEquals(shape, t.shape(), key);
        assertEquals(values.length, t.numel(), key);
        assertArrayEquals(values, t.values(), 0f, key);
    }
}
