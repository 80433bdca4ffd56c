package bgnet.model.backend;

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

    @Override
    void close();
}
