package bgnet.model.backend;

import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;

/** A program bound to heap arrays: each run copies the images in and runs the launches in order. */
public final class JvmRunner implements ProgramRunner {
    private final NetworkProgram program;
    private final HeapBuffers buffers;
    private final Launch[] launches;
    private final Stage[] stages;
    private final float[] scratch;
    private final ParallelLoop loop;
    private final String description;

    JvmRunner(NetworkProgram program, HeapBuffers buffers, Launch[] launches, Stage[] stages, float[] scratch,
              ParallelLoop loop, String description) {
        this.program = program;
        this.buffers = buffers;
        this.launches = launches;
        this.stages = stages;
        this.scratch = scratch;
        this.loop = loop;
        this.description = description;
    }

    @Override
    public float[] run(float[] left, float[] right) {
        load(left, right);
        for (Launch l : launches) {
            l.run(scratch, loop);
        }
        return buffers.of(program.disparity());
    }

    @Override
    public float[] run(float[] left, float[] right, StageTimes times) {
        load(left, right);
        for (int i = 0; i < launches.length; i++) {
            long t0 = System.nanoTime();
            launches[i].run(scratch, loop);
            long elapsed = System.nanoTime() - t0;
            times.add(stages[i], elapsed);
            times.addOp(i, elapsed);
        }
        return buffers.of(program.disparity());
    }

    @Override
    public float[] confidence() {
        if (!program.hasConfidence()) {
            throw new IllegalStateException("this program was planned without the confidence map");
        }
        return buffers.of(program.confidence());
    }

    @Override
    public float[] named(String name) {
        return buffers.of(program.tensor(name)).clone();
    }

    /** Bytes of activation memory this runner holds. */
    public long activationBytes() {
        return buffers.plan().bytes();
    }

    private void load(float[] left, float[] right) {
        int n = program.left().size();
        if (left.length != n || right.length != n) {
            throw new IllegalArgumentException("images must have " + program.width() + "x" + program.height()
                    + " = " + n + " pixels, got " + left.length + " and " + right.length);
        }
        System.arraycopy(left, 0, buffers.of(program.left()), 0, n);
        System.arraycopy(right, 0, buffers.of(program.right()), 0, n);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        loop.close();
    }
}
