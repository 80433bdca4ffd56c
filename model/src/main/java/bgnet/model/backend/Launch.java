package bgnet.model.backend;

/** One op bound to the JVM backend's arrays, ready to run. */
@FunctionalInterface
public interface Launch {

    /** Runs the op; {@code scratch} is one buffer shared by all launches of a program. */
    void run(float[] scratch, ParallelLoop loop);
}
