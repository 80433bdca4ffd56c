package bgnet.model.network;

import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.JvmRunner;
import bgnet.model.testing.FixtureRun;
import org.junit.jupiter.api.Test;

import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing activation memory by liveness changes nothing computed, only the memory it takes. */
class BufferSharingTest {

    @Test
    void sharedBuffersGiveBitIdenticalResultsInLessMemory() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_plus_random.pth");
        try (JvmRunner shared = new JvmBackend(2, false, true).prepare(program);
             JvmRunner separate = new JvmBackend(2, false, false).prepare(program)) {
            float[] left = f32("input_small_left.f32");
            float[] right = f32("input_small_right.f32");
            assertArrayEquals(separate.run(left, right), shared.run(left, right), "disparity");
            for (String name : program.named().keySet()) {
                assertArrayEquals(separate.named(name), shared.named(name), name);
            }
            long sharedBytes = shared.activationBytes();
            long separateBytes = separate.activationBytes();
            assertTrue(sharedBytes < separateBytes / 2, sharedBytes + " bytes shared vs " + separateBytes + " separate");
        }
    }

    /** The slicing's second output (the half-resolution confidence) lives until its upsampling reads it. */
    @Test
    void confidenceSurvivesBufferSharing() throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_plus_random.pth", true);
        try (JvmRunner shared = new JvmBackend(2, false, true).prepare(program);
             JvmRunner separate = new JvmBackend(2, false, false).prepare(program)) {
            float[] left = f32("input_small_left.f32");
            float[] right = f32("input_small_right.f32");
            assertArrayEquals(separate.run(left, right), shared.run(left, right), "disparity");
            assertArrayEquals(separate.confidence(), shared.confidence(), "confidence");
        }
    }
}
