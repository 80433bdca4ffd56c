package bgnet.model.backend;

import java.util.Optional;

/**
 * A {@link bgnet.model.network.NetworkProgram} compiled for one backend, owning all of its memory.
 * Frames go in and the disparity comes out here; nothing is written into the program.
 */
public interface ProgramRunner extends AutoCloseable {

    /**
     * One forward pass over a padded pair ([H][W] grey levels each). Returns the disparity [H][W]; the
     * array belongs to the runner and is overwritten by the next run.
     */
    float[] run(float[] left, float[] right);

    /** One forward pass, adding each stage's wall time to {@code times}. */
    float[] run(float[] left, float[] right, StageTimes times);

    /**
     * The confidence map [H][W] of the last run (the largest softmax probability of the regression, upsampled
     * like the disparity), for a program planned with it ({@code NetworkProgram.hasConfidence()}). The array
     * belongs to the runner and is overwritten by the next run.
     *
     * @throws IllegalStateException when the program has no confidence output
     */
    default float[] confidence() {
        throw new IllegalStateException("this program was planned without the confidence map");
    }

    /**
     * A copy of the named intermediate (see {@code NetworkProgram.named()}) after the last run, for tests
     * and debugging. A device backend keeps them only when {@link BackendOptions#copyNamed()} asked.
     */
    float[] named(String name);

    /** Backend and device in words. */
    String description();

    /** The last run's device-side timings, where the backend measures them and profiling was asked for. */
    default Optional<DeviceTimes> deviceTimes() {
        return Optional.empty();
    }

    /** How preparing the device's kernels went (compile / driver time, kernel cache); empty on the JVM. */
    default Optional<KernelSetup> kernelSetup() {
        return Optional.empty();
    }

    @Override
    void close();
}
