package bgnet.tornado;

import bgnet.model.network.Copy;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How ops are cut into TaskGraphs and how buffers are handed from graph to graph. */
class SegmentsTest {

    /** A copy op of {@code stage} that reads {@code in} and writes {@code out}, with one int[] constant. */
    static DeviceOp<float[]> op(Stage stage, float[] in, float[] out) {
        Tensor t = new Tensor(0, 1, 1, 1, 1);
        // A copy takes no weights, so it needs no arrays for stand-ins.
        return new ReferenceTask(new BoundOp<>(new Copy("op", stage, t.all(), t.all()), new int[3], List.of(in), out), null);
    }

    @Test
    void aNewGraphAtEveryStageAndWhenFull() {
        float[] a = new float[1];
        List<DeviceOp<float[]>> ops = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ops.add(op(Stage.FEATURES, a, a));
        }
        ops.add(op(Stage.GUIDE, a, a));
        ops.add(op(Stage.FEATURES, a, a));
        List<Segments.Segment<float[]>> s = Segments.split(ops, 2, 100);
        assertEquals(List.of(2, 2, 1, 1, 1), s.stream().map(x -> x.ops().size()).toList());
        assertEquals(List.of(Stage.FEATURES, Stage.FEATURES, Stage.FEATURES, Stage.GUIDE, Stage.FEATURES),
                s.stream().map(Segments.Segment::stage).toList());
    }

    @Test
    void distinctArraysBoundAGraph() {
        List<DeviceOp<float[]>> ops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ops.add(op(Stage.FEATURES, new float[1], new float[1]));
        }
        // Each op brings three new objects (two arrays and its int parameters).
        assertEquals(List.of(2, 2), Segments.split(ops, 10, 6).stream().map(x -> x.ops().size()).toList());
        assertEquals(List.of(1, 1, 1, 1), Segments.split(ops, 10, 5).stream().map(x -> x.ops().size()).toList());
    }

    @Test
    void bufferSpansAcrossGraphs() {
        float[] x = new float[1];
        float[] y = new float[1];
        float[] z = new float[1];
        List<Segments.Segment<float[]>> s = List.of(
                new Segments.Segment<>(Stage.FEATURES, List.of(op(Stage.FEATURES, x, y))),
                new Segments.Segment<>(Stage.GUIDE, List.of(op(Stage.GUIDE, x, z))),
                new Segments.Segment<>(Stage.DRES0, List.of(op(Stage.DRES0, y, z), op(Stage.DRES0, z, y))));
        BufferUse use = BufferUse.of(s);
        assertEquals(List.of(x, y, z), use.buffers());
        assertEquals(0, use.first(y));
        assertEquals(2, use.last(y));
        assertEquals(2, use.lastWrite(y));
        assertEquals(1, use.first(z));
        assertEquals(1, use.last(x));
        assertEquals(-1, use.lastWrite(x));
    }
}
