package bgnet.benchmarks;

import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.NetworkProgram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** ConvTranspose3d (tb3): the hourglass's conv6 (64->32, 25x12x40 -> 25x24x80) and conv7 (32->16, -> 25x48x160); fast path vs the shared per-element kernel. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Deconv3dBenchmark {
    @Param({"fast", "reference"})
    public String path;

    @Param({"conv6", "conv7"})
    public String layer;

    @Param({"2"})
    public int threads;

    private ProgramRunner runner;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkProgram program = switch (layer) {
            case "conv7" -> SingleOpProgram.conv3d(true, 32, 16, 25, 24, 80, 2);
            case "conv6" -> SingleOpProgram.conv3d(true, 64, 32, 25, 12, 40, 2);
            default -> throw new IllegalArgumentException("unknown layer " + layer);
        };
        runner = SingleOpProgram.prepare(program, path, threads);
    }

    @Benchmark
    public void run() {
        runner.run();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }
}
