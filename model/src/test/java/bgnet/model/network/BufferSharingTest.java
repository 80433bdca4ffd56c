package bgnet.model.network;

import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing activation buffers by liveness changes nothing computed, only the memory it takes. */
class BufferSharingTest {
    static final int H = 128;
    static final int W = 256;

    @Test
    void sharedBuffersGiveBitIdenticalResultsInLessMemory() throws Exception {
        BGNetWeights weights = BGNetWeights.from(StateDict.read(Fixtures.file("bgnet_plus_random.pth")));
        NetworkProgram shared = ProgramBuilder.plan(weights, H, W);
        NetworkProgram separate = ProgramBuilder.plan(weights, H, W, false);
        run(shared);
        run(separate);
        for (String name : separate.named().keySet()) {
            assertArrayEquals(separate.buffer(name), shared.buffer(name), name);
        }
        long sharedBytes = activationBytes(shared);
        long separateBytes = activationBytes(separate);
        assertTrue(sharedBytes < separateBytes / 2, sharedBytes + " bytes shared vs " + separateBytes + " separate");
    }

    private static void run(NetworkProgram program) {
        System.arraycopy(f32("input_small_left.f32"), 0, program.left(), 0, H * W);
        System.arraycopy(f32("input_small_right.f32"), 0, program.right(), 0, H * W);
        try (ProgramRunner runner = new JvmBackend(2).prepare(program)) {
            runner.run();
        }
    }

    private static long activationBytes(NetworkProgram program) {
        Set<float[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long bytes = 0;
        for (Op op : program.ops()) {
            for (float[] a : op.arrays()) {
                if (!program.constants().contains(a) && seen.add(a)) {
                    bytes += 4L * a.length;
                }
            }
        }
        return bytes;
    }
}
