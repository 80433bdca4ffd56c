package bgnet.model.network;

import bgnet.model.backend.Launch;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.backend.ReferenceLaunch;
import bgnet.model.backend.TensorArrays;
import bgnet.model.backend.fast.FastOp;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static bgnet.model.testing.Fixtures.assertConfidence;
import static bgnet.model.testing.Fixtures.f32;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The confidence computation itself against PyTorch's: the slicing + regression and the upsampling ops of a
 * program planned with the confidence, fed PyTorch's own grid and guide (the fixtures), must give PyTorch's
 * confidence within 1e-4. End to end the networks' float32 differences upstream (coefficients, guide) move it
 * by more than that (see ForwardPassFixtureTest); here only the ops that compute the confidence are judged.
 */
class ConfidenceOpFixtureTest {
    private static final int H = FixtureRun.H;
    private static final int W = FixtureRun.W;

    @ParameterizedTest(name = "fast path: {0}")
    @ValueSource(booleans = {false, true})
    void confidenceFromPyTorchsGridAndGuideMatches(boolean fast) throws Exception {
        NetworkProgram program = FixtureRun.plan("bgnet_random.pth", true);
        SliceRegress slice = only(program, SliceRegress.class, "slice_regress");
        Bilinear upsample = only(program, Bilinear.class, "upsample_confidence");
        float[] grid = Fixtures.gridInOurOrder(f32("bgnet_small_coeffs.f32"), ProgramBuilder.DISPARITIES, ProgramBuilder.GUIDANCE_BINS,
                (H / 8) * (W / 8));
        float[] guide = f32("bgnet_small_guide.f32");
        float[] half = new float[slice.half().size()];
        float[] halfConfidence = new float[slice.confidence().size()];
        float[] confidence = new float[upsample.out().size()];
        TensorArrays arrays = t -> {
            if (t == slice.grid().tensor()) {
                return grid;
            } else if (t == slice.guide().tensor()) {
                return guide;
            } else if (t == slice.half().tensor()) {
                return half;
            } else if (t == slice.confidence().tensor()) {
                return halfConfidence;
            } else if (t == program.confidence()) {
                return confidence;
            }
            throw new IllegalArgumentException("tensor " + t.id());
        };
        try (ParallelLoop loop = new ParallelLoop(2)) {
            launch(slice, arrays, fast).run(new float[0], loop);
            launch(upsample, arrays, fast).run(new float[0], loop);
        }
        System.out.println((fast ? "fast" : "reference") + " confidence from PyTorch's grid "
                + assertConfidence("confidence", confidence, f32("bgnet_small_confidence.f32"), 1e-4));
    }

    private static Launch launch(Op op, TensorArrays arrays, boolean fast) {
        if (!fast) {
            return ReferenceLaunch.of(op, arrays);
        }
        FastOp f = FastOp.of(op, arrays);
        return f != null ? f : ReferenceLaunch.of(op, arrays);
    }

    private static <T extends Op> T only(NetworkProgram program, Class<T> type, String name) {
        for (Op op : program.ops()) {
            if (type.isInstance(op) && op.name().equals(name)) {
                return type.cast(op);
            }
        }
        assertNotNull(null, "no op " + name);
        return null;
    }
}
