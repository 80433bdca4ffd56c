package bgnet.benchmarks;

import bgnet.api.Device;
import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.JvmBackend;
import bgnet.model.io.GrayImage;
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

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The whole network on one pair, on the JVM: the internal estimator against the public API without and
 * with the confidence, so that the API's own cost and the confidence's are visible. BGNet+ at 384x1280 by
 * default ({@code -p weights=...} for another checkpoint), random grey input (the speed does not depend on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class EstimatorBenchmark {
    @Param({"internal", "api", "api-confidence"})
    public String path;

    @Param({"testdata/fixtures/bgnet_plus_random.pth"})
    public String weights;

    @Param({"2"})
    public int threads;

    private static final int H = 384;
    private static final int W = 1280;

    private DisparityEstimator internal;
    private StereoModel model;
    private StereoEstimator api;
    private GrayImage left;
    private GrayImage right;
    private InputImage apiLeft;
    private InputImage apiRight;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(1);
        byte[] l = new byte[H * W];
        byte[] r = new byte[H * W];
        random.nextBytes(l);
        random.nextBytes(r);
        apiLeft = InputImage.ofGray(W, H, l);
        apiRight = InputImage.ofGray(W, H, r);
        left = new GrayImage(W, H, grey(l));
        right = new GrayImage(W, H, grey(r));
        if (path.equals("internal")) {
            internal = BGNetModel.load(Path.of(weights)).estimator(new JvmBackend(threads));
        } else {
            model = StereoModel.load(weights);
            api = model.estimator(Device.jvm(threads));
        }
    }

    @Benchmark
    public float[] estimate() {
        return switch (path) {
            case "internal" -> internal.estimate(left, right).values();
            case "api" -> api.estimate(apiLeft, apiRight).disparity();
            case "api-confidence" -> api.estimateWithConfidence(apiLeft, apiRight).confidence();
            default -> throw new IllegalArgumentException("unknown path " + path);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (internal != null) {
            internal.close();
        }
        if (api != null) {
            api.close();
            model.close();
        }
    }

    private static float[] grey(byte[] bytes) {
        float[] g = new float[bytes.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = bytes[i] & 0xFF;
        }
        return g;
    }
}
