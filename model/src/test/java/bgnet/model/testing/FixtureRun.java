package bgnet.model.testing;

import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.checkpoint.StateDict;
import bgnet.model.network.BGNetWeights;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.ProgramBuilder;

/** One forward pass of a fixture checkpoint on the fixture input pair (1x1x128x256), for the fixture tests. */
public final class FixtureRun {
    public static final int H = 128;
    public static final int W = 256;

    private FixtureRun() {
    }

    /** Plans, fills in the fixture inputs and runs once on {@code backend}; the program holds every result. */
    public static NetworkProgram run(String checkpoint, Backend backend) throws CheckpointException {
        BGNetWeights weights = BGNetWeights.from(StateDict.read(Fixtures.file(checkpoint)));
        NetworkProgram program = ProgramBuilder.plan(weights, H, W);
        System.arraycopy(Fixtures.f32("input_small_left.f32"), 0, program.left(), 0, H * W);
        System.arraycopy(Fixtures.f32("input_small_right.f32"), 0, program.right(), 0, H * W);
        try (ProgramRunner runner = backend.prepare(program)) {
            runner.run();
        }
        return program;
    }
}
