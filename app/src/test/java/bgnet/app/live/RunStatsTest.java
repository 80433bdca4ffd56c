package bgnet.app.live;

import bgnet.model.backend.KernelSetup;
import bgnet.model.backend.SetupSplit;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void summaryGivesFramesDropsAndBothFrameRates() {
        RunStats stats = new RunStats();
        // Frames finish at 100, 200, 300 and 700 ms, each after 100 ms of inference, 150 ms after capture.
        long[] ends = {100, 200, 300, 700};
        for (long end : ends) {
            stats.frameDone((end - 150) * MS, (end - 100) * MS, end * MS);
        }
        assertEquals(4, stats.frames());
        assertEquals(4 / 0.7, stats.meanFps(), 1e-9, "4 frames from the first start (0 ms) to the last end (700 ms)");
        assertEquals(10, stats.medianFps(), 1e-9, "gaps 100, 100, 400 ms: the median is 100 ms");
        assertEquals(150, stats.meanLatencyMs(), 1e-9);
        assertEquals(100, stats.firstFrameMs(), 1e-9, "the first inference, setup included");
        assertEquals("summary: frames=4 dropped=3 mean_fps=5.71 median_fps=10.00 mean_latency_ms=150.0 first_frame_ms=100.0",
                stats.summary(3));
    }

    @Test
    void aDeviceBackendAddsTheSetupSplit() {
        RunStats stats = new RunStats();
        stats.frameDone(0, 0, 100 * MS);
        String line = stats.summary(0, Optional.of(new SetupSplit(2500, new KernelSetup(0, 800, "hit"))));
        assertEquals("summary: frames=1 dropped=0 mean_fps=10.00 median_fps=10.00 mean_latency_ms=100.0 first_frame_ms=100.0"
                + " setup_ms=2500.0 setup_compile_ms=0.0 setup_driver_ms=800.0 setup_other_ms=1700.0 kernel_cache=hit", line);
        // The JVM reports no kernel split: the line stays as it was.
        assertEquals(stats.summary(0), stats.summary(0, Optional.of(new SetupSplit(300, null))));
    }

    @Test
    void aRunWithoutFramesStillSummarises() {
        assertEquals("summary: frames=0 dropped=0 mean_fps=0.00 median_fps=0.00 mean_latency_ms=0.0 first_frame_ms=0.0",
                new RunStats().summary(0));
    }
}
