package bgnet.app.live;

import bgnet.app.bench.Stats;
import bgnet.model.backend.SetupSplit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Timings of the frames a run processed, and the one-line summary printed at its end. */
final class RunStats {

    private static final int RECENT = 10;

    private final List<Long> done = new ArrayList<>();  // completion times, nanoTime
    private double latencySumMs;
    private long firstStart = -1;
    private long firstDuration;
    private double lastLatencyMs;
    private double lastInferenceMs;

    /** One processed frame: grabbed at captured, inference from start to end, all System.nanoTime(). */
    synchronized void frameDone(long captured, long start, long end) {
        if (firstStart < 0) {
            firstStart = start;
            firstDuration = end - start;
        }
        done.add(end);
        lastLatencyMs = (end - captured) / 1e6;
        lastInferenceMs = (end - start) / 1e6;
        latencySumMs += lastLatencyMs;
    }

    int frames() {
        return done.size();
    }

    /** Frames per second over the whole run, from the first inference's start to the last one's end. */
    double meanFps() {
        if (done.isEmpty()) {
            return 0;
        }
        long span = done.getLast() - firstStart;
        return span > 0 ? done.size() * 1e9 / span : 0;
    }

    /** 1 / the median time between consecutive frames (robust to a slow first frame). */
    double medianFps() {
        if (done.size() < 2) {
            return firstDuration > 0 ? 1e9 / firstDuration : 0;
        }
        double[] gaps = new double[done.size() - 1];
        for (int i = 1; i < done.size(); i++) {
            gaps[i - 1] = done.get(i) - done.get(i - 1);
        }
        double median = Stats.of(gaps).median();
        return median > 0 ? 1e9 / median : 0;
    }

    /** Frames per second over the last few frames, for the overlay. */
    double recentFps() {
        int n = Math.min(done.size(), RECENT);
        if (n < 2) {
            return medianFps();
        }
        long span = done.getLast() - done.get(done.size() - n);
        return span > 0 ? (n - 1) * 1e9 / span : 0;
    }

    double lastLatencyMs() {
        return lastLatencyMs;
    }

    double lastInferenceMs() {
        return lastInferenceMs;
    }

    double meanLatencyMs() {
        return done.isEmpty() ? 0 : latencySumMs / done.size();
    }

    /** The first inference alone: on a fresh network it includes planning and preparing the backend (setup). */
    double firstFrameMs() {
        return firstDuration / 1e6;
    }

    /**
     * "summary: frames=N dropped=M mean_fps=X median_fps=Y mean_latency_ms=Z first_frame_ms=F": key=value,
     * no spaces in values.
     */
    synchronized String summary(long dropped) {
        return summary(dropped, Optional.empty());
    }

    /**
     * The summary; on a device backend that reports it, followed by the network's set-up and its split:
     * " setup_ms=S setup_compile_ms=C setup_driver_ms=D setup_other_ms=O kernel_cache=hit|miss|refused|off".
     */
    synchronized String summary(long dropped, Optional<SetupSplit> setup) {
        String line = String.format(Locale.ROOT, "summary: frames=%d dropped=%d mean_fps=%.2f median_fps=%.2f mean_latency_ms=%.1f"
                + " first_frame_ms=%.1f", frames(), dropped, meanFps(), medianFps(), meanLatencyMs(), firstFrameMs());
        if (setup.isPresent() && setup.get().kernels() != null) {
            SetupSplit s = setup.get();
            line += String.format(Locale.ROOT, " setup_ms=%.1f setup_compile_ms=%.1f setup_driver_ms=%.1f setup_other_ms=%.1f"
                    + " kernel_cache=%s", s.setupMs(), s.kernels().compileMs(), s.kernels().driverMs(), s.otherMs(),
                    s.kernels().cache());
        }
        return line;
    }
}
