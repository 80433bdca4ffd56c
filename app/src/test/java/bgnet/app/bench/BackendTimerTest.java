package bgnet.app.bench;

import bgnet.model.BGNetModel;
import bgnet.model.backend.Backend;
import bgnet.model.backend.DeviceTimes;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.io.GrayImage;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timing harness with a scripted backend: which passes it times, what it reports apart, what it hands back. */
class BackendTimerTest {
    private static final int SIZE = 64;
    private static NetworkProgram program;

    @BeforeAll
    static void plan() throws Exception {
        program = BGNetModel.load(Path.of(System.getProperty("bgnet.testdata"), "bgnet_random.pth")).plan(SIZE, SIZE);
    }

    @Test
    void warmUpPassesAreRunButNotTimed() {
        ScriptedBackend backend = new ScriptedBackend();
        Timing t = BackendTimer.time(backend, program, image(1), image(2), 2, 3, true);
        assertEquals(2, backend.plainRuns, "the warm-up passes run without stage times");
        assertEquals(3, backend.stagedRuns, "every timed pass records its stages");
        assertEquals(3, t.frameMs().length);
        assertEquals(3, t.frames().count());
        Stats hourglass = t.stages().get(Stage.HOURGLASS);
        assertEquals(3, hourglass.count());
        assertEquals(4, hourglass.median(), 1e-9, "timed passes 1..3 report 2, 4, 6 ms");
        assertEquals(3, t.kernelMs().count(), "device times of the timed passes only");
        assertEquals(4, t.kernelMs().mean(), 1e-9, "passes 3, 4, 5 (counting from 1) report 3, 4, 5 ms of kernels");
        assertEquals(2, t.copyMs().mean(), 1e-9, "copy in + copy out");
        assertEquals("scripted", t.description());
        assertTrue(backend.closed, "the runner is closed");
    }

    @Test
    void setupAndFirstRunAreReportedApart() {
        ScriptedBackend backend = new ScriptedBackend();
        Timing t = BackendTimer.time(backend, program, image(1), image(2), 0, 2, false);
        assertEquals(0, backend.stagedRuns, "no stage times asked for");
        assertEquals(2, backend.plainRuns, "without warm-up the first pass is the first timed one");
        assertTrue(t.stages().isEmpty());
        assertTrue(t.setupMs() >= ScriptedBackend.SETUP_MS, "prepare sleeps " + ScriptedBackend.SETUP_MS + " ms: " + t);
        assertTrue(t.frameMs()[0] >= ScriptedBackend.FIRST_PASS_MS, "the first pass sleeps: " + Arrays.toString(t.frameMs()));
        assertTrue(t.firstRunMs() >= t.setupMs() + t.frameMs()[0], "first run = setup + first pass: " + t);
    }

    @Test
    void imagesGoInAndTheLastDisparityComesBackAsACopy() {
        ScriptedBackend backend = new ScriptedBackend();
        Timing t = BackendTimer.time(backend, program, image(1), image(2), 1, 2, false);
        assertEquals(1f, backend.leftSeen, "left image copied in before the first pass");
        assertEquals(2f, backend.rightSeen, "right image copied in before the first pass");
        float[] expected = new float[SIZE * SIZE];
        Arrays.fill(expected, 3f);
        assertArrayEquals(expected, t.disparity(), "what the third pass wrote");
        assertNotSame(backend.out, t.disparity());
    }

    private static GrayImage image(float value) {
        float[] pixels = new float[SIZE * SIZE];
        Arrays.fill(pixels, value);
        return new GrayImage(SIZE, SIZE, pixels);
    }

    /** Counts its passes; sleeps in prepare and the first pass; reports stage and device times by pass number. */
    private static final class ScriptedBackend implements Backend {
        static final int SETUP_MS = 30;
        static final int FIRST_PASS_MS = 20;
        int plainRuns;
        int stagedRuns;
        int passes;
        float leftSeen = Float.NaN;
        float rightSeen = Float.NaN;
        boolean closed;
        /** The runner's own disparity array, overwritten by every pass. */
        final float[] out = new float[SIZE * SIZE];

        @Override
        public ProgramRunner prepare(NetworkProgram p) {
            sleep(SETUP_MS);
            return new ProgramRunner() {
                @Override
                public float[] run(float[] left, float[] right) {
                    plainRuns++;
                    return pass(left, right);
                }

                @Override
                public float[] run(float[] left, float[] right, StageTimes times) {
                    stagedRuns++;
                    times.add(Stage.HOURGLASS, stagedRuns * 2_000_000L);
                    return pass(left, right);
                }

                @Override
                public float[] named(String name) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<DeviceTimes> deviceTimes() {
                    return Optional.of(new DeviceTimes(0, passes * 1_000_000L, 1_500_000, 500_000, 0, 0, 0, 0));
                }

                @Override
                public String description() {
                    return "scripted";
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        private float[] pass(float[] left, float[] right) {
            if (passes == 0) {
                leftSeen = left[0];
                rightSeen = right[right.length - 1];
                sleep(FIRST_PASS_MS);
            }
            passes++;
            Arrays.fill(out, passes);
            return out;
        }

        @Override
        public String description() {
            return "scripted";
        }

        private static void sleep(int ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
