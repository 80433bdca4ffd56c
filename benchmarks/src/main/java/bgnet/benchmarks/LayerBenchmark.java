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

/**
 * One hot BGNet layer at 384x1280 as the JVM backend runs it: the fast path against the shared
 * per-element kernel. Layers: 2-D 3x3 convolutions at half resolution (firstconv1 32→32, stride-2
 * layer2conv1 32→64), 3-D 3x3x3 convolutions (dres0_1 32→16 over 25x48x160, hourglass_conv2 32→32 over
 * 25x24x80) and transposed 3-D convolutions (conv6 64→32 to 25x24x80, conv7 32→16 to 25x48x160).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LayerBenchmark {
    @Param({"fast", "reference"})
    public String path;

    @Param({"firstconv1", "layer2conv1", "dres0_1", "hourglass_conv2", "conv6", "conv7"})
    public String layer;

    @Param({"2"})
    public int threads;

    private ProgramRunner runner;
    private float[] input;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkProgram program = switch (layer) {
            case "firstconv1" -> SingleOpProgram.conv2d(false, 32, 32, 192, 640, 3, 1, 1);
            case "layer2conv1" -> SingleOpProgram.conv2d(false, 32, 64, 192, 640, 3, 2, 1);
            case "dres0_1" -> SingleOpProgram.conv3d(false, 32, 16, 25, 48, 160, 1);
            case "hourglass_conv2" -> SingleOpProgram.conv3d(false, 32, 32, 25, 24, 80, 1);
            case "conv6" -> SingleOpProgram.conv3d(true, 64, 32, 25, 12, 40, 2);
            case "conv7" -> SingleOpProgram.conv3d(true, 32, 16, 25, 24, 80, 2);
            default -> throw new IllegalArgumentException("unknown layer " + layer);
        };
        runner = SingleOpProgram.prepare(program, path, threads);
        input = SingleOpProgram.input(program);
    }

    @Benchmark
    public float[] run() {
        return runner.run(input, input);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }
}
