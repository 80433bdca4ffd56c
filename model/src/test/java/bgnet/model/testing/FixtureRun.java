package bgnet.model.testing;

import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.network.Architecture;
import bgnet.model.network.BGNetWeights;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.ProgramBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** One forward pass of a fixture checkpoint on the fixture input pair (1x1x128x256), for the fixture tests. */
public final class FixtureRun {
    public static final int H = 128;
    public static final int W = 256;

    /** What one pass produced: the disparity, the confidence (null unless planned) and a copy of every named intermediate. */
    public record Result(NetworkProgram program, float[] disparity, float[] confidence, Map<String, float[]> named) {
        public Architecture architecture() {
            return program.architecture();
        }

        public float[] buffer(String name) {
            float[] b = named.get(name);
            if (b == null) {
                throw new IllegalArgumentException("no intermediate " + name + "; have " + named.keySet());
            }
            return b;
        }
    }

    private FixtureRun() {
    }

    public static NetworkProgram plan(String checkpoint) throws CheckpointException {
        return plan(checkpoint, false);
    }

    /** The fixture size's plan, with the confidence map when {@code confidence}. */
    public static NetworkProgram plan(String checkpoint, boolean confidence) throws CheckpointException {
        BGNetWeights weights = BGNetWeights.from(StateDict.read(Fixtures.file(checkpoint)));
        return ProgramBuilder.plan(weights, H, W, confidence);
    }

    /** Plans and runs once on {@code backend} with the fixture inputs. */
    public static Result run(String checkpoint, Backend backend) throws CheckpointException {
        return run(plan(checkpoint), backend);
    }

    public static Result run(NetworkProgram program, Backend backend) {
        try (ProgramRunner runner = backend.prepare(program)) {
            float[] disparity = runner.run(Fixtures.f32("input_small_left.f32"), Fixtures.f32("input_small_right.f32"))
                    .clone();
            float[] confidence = program.hasConfidence() ? runner.confidence().clone() : null;
            Map<String, float[]> named = new LinkedHashMap<>();
            for (String name : program.named().keySet()) {
                named.put(name, runner.named(name));
            }
            return new Result(program, disparity, confidence, named);
        }
    }
}
