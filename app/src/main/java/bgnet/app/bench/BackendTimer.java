package bgnet.app.bench;

import bgnet.model.backend.Backend;
import bgnet.model.backend.DeviceTimes;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.io.GrayImage;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timing harness of `bench` and `compare`: prepares a backend on a planned program (the setup,
 * timed), runs {@code warmup} untimed passes, then {@code runs} timed ones. The first run (setup and
 * first pass, where the JIT or a device compiler does its work) is timed as a whole too; with no
 * warm-up the first pass is also the first timed one. Only the network runs in the timed spans: the
 * runner copies the images in as part of each pass.
 */
public final class BackendTimer {
    private BackendTimer() {
    }

    /**
     * Times {@code backend} on {@code program} with {@code left}/{@code right} (already padded to the
     * program's size). With {@code stages}, each timed pass also records its stages' times.
     */
    public static Timing time(Backend backend, NetworkProgram program, GrayImage left, GrayImage right,
                              int warmup, int runs, boolean stages) {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("runs must be at least 1 and warmup at least 0");
        }
        long t0 = System.nanoTime();
        try (ProgramRunner runner = backend.prepare(program)) {
            double setupMs = (System.nanoTime() - t0) / 1e6;
            double firstRunMs = Double.NaN;
            double[] frameMs = new double[runs];
            List<Map<Stage, Double>> stageMs = new ArrayList<>();
            List<Map<Integer, Double>> opMs = new ArrayList<>();
            List<Double> kernelMs = new ArrayList<>();
            List<Double> copyMs = new ArrayList<>();
            StageTimes times = new StageTimes();
            float[] out = null;
            for (int pass = 0; pass < warmup + runs; pass++) {
                boolean timed = pass >= warmup;
                times.clear();
                long t = System.nanoTime();
                if (timed && stages) {
                    out = runner.run(left.pixels(), right.pixels(), times);
                } else {
                    out = runner.run(left.pixels(), right.pixels());
                }
                double ms = (System.nanoTime() - t) / 1e6;
                if (pass == 0) {
                    firstRunMs = (System.nanoTime() - t0) / 1e6;
                }
                if (timed) {
                    frameMs[pass - warmup] = ms;
                    if (stages) {
                        stageMs.add(toMillis(times));
                        Map<Integer, Double> ops = new java.util.TreeMap<>();
                        times.opNanos().forEach((i, n) -> ops.put(i, n / 1e6));
                        opMs.add(ops);
                    }
                    Optional<DeviceTimes> device = runner.deviceTimes();
                    if (device.isPresent()) {
                        kernelMs.add(device.get().kernelNanos() / 1e6);
                        copyMs.add((device.get().copyInNanos() + device.get().copyOutNanos()) / 1e6);
                    }
                }
            }
            return new Timing(runner.description(), setupMs, firstRunMs, frameMs, stageMs, opMs,
                    Stats.of(kernelMs), Stats.of(copyMs), out.clone(), runner.kernelSetup().orElse(null));
        }
    }

    private static Map<Stage, Double> toMillis(StageTimes times) {
        Map<Stage, Double> ms = new EnumMap<>(Stage.class);
        times.nanos().forEach((s, n) -> ms.put(s, n / 1e6));
        return ms;
    }
}
