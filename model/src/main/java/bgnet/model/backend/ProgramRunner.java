package bgnet.model.backend;

import java.util.Optional;

/**
 * A {@link bgnet.model.network.NetworkProgram} made ready on one backend. {@link #run} reads the
 * program's left/right buffers and fills its disparity buffer.
 */
public interface ProgramRunner extends AutoCloseable {

    /** One forward pass. */
    void run();

    /** One forward pass, adding each stage's wall time to {@code times}. */
    void run(StageTimes times);

    /** Backend and device in words. */
    String description();

    /** The last run's device-side timings, where the backend measures them and profiling was asked for. */
    default Optional<DeviceTimes> deviceTimes() {
        return Optional.empty();
    }

    @Override
    void close();
}
