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

/** conv2d 3x3: BGNet's 32-channel layers at half resolution (firstconv, layer1) and the stride-2 layer2.conv1; fast path vs the shared per-element kernel. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Conv2dBenchmark {
    @Param({"fast", "reference"})
    public String path;

    @Param({"firstconv1", "layer2conv1"})
    public String layer;

    @Param({"2"})
    public int threads;

    private ProgramRunner runner;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkProgram program = switch (layer) {
            case "layer2conv1" -> SingleOpProgram.conv2d(false, 32, 64, 192, 640, 3, 2, 1);
            case "firstconv1" -> SingleOpProgram.conv2d(false, 32, 32, 192, 640, 3, 1, 1);
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
