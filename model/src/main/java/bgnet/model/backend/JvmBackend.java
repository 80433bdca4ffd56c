package bgnet.model.backend;

import bgnet.model.backend.fast.FastOp;
import bgnet.model.backend.fast.VectorSupport;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.model.network.Stage;

import java.util.List;

/**
 * The embedded backend: runs each op on a thread pool over heap arrays it allocates (shared by
 * liveness, {@link MemoryPlan}). Ops take the fast path (Vector API, blocked, weights repacked at
 * prepare time) when the jdk.incubator.vector module is present and the op has a fast form; every
 * other op, and everything in reference mode, runs the shared per-element kernel. Needs nothing installed.
 */
public final class JvmBackend implements Backend {
    private final int threads;
    private final boolean reference;
    private final boolean shareBuffers;

    public JvmBackend(int threads) {
        this(threads, false);
    }

    /** {@code reference}: run only the shared per-element kernels (slow; the fast path's test oracle). */
    public JvmBackend(int threads, boolean reference) {
        this(threads, reference, true);
    }

    /** {@code shareBuffers = false}: every tensor gets its own array (debugging; much more memory). */
    public JvmBackend(int threads, boolean reference, boolean shareBuffers) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.reference = reference;
        this.shareBuffers = shareBuffers;
    }

    public static JvmBackend allCores() {
        return new JvmBackend(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public JvmRunner prepare(NetworkProgram program) {
        HeapBuffers buffers = new HeapBuffers(program, shareBuffers);
        List<Op> ops = program.ops();
        Launch[] launches = new Launch[ops.size()];
        int scratch = 0;
        FastOp previous = null;
        for (int i = 0; i < launches.length; i++) {
            FastOp fast = fastPath() ? FastOp.of(ops.get(i), buffers) : null;
            if (fast != null) {
                scratch = Math.max(scratch, fast.scratchSize());
                fast.followOn(previous);
                launches[i] = fast;
            } else {
                launches[i] = ReferenceLaunch.of(ops.get(i), buffers);
            }
            previous = fast;
        }
        Stage[] stages = ops.stream().map(Op::stage).toArray(Stage[]::new);
        return new JvmRunner(program, buffers, launches, stages, new float[scratch], new ParallelLoop(threads),
                description());
    }

    /** True when ops with a fast form (convolutions, correlation, slicing, copies) take it. */
    public boolean fastPath() {
        return !reference && VectorSupport.available();
    }

    @Override
    public String description() {
        return "jvm" + (fastPath() ? "" : " reference kernels") + " (" + threads + (threads == 1 ? " thread)" : " threads)");
    }
}
