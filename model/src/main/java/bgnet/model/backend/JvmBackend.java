package bgnet.model.backend;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import bgnet.model.backend.fast.FastOp;
import bgnet.model.backend.fast.VectorSupport;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;

import java.util.List;

/**
 * The embedded backend: runs each launch on a thread pool. Convolutions take the fast path (Vector API,
 * blocked, weights repacked at prepare time) when the jdk.incubator.vector module is present; every
 * other launch, and everything in reference mode, runs the shared per-element kernel. Needs nothing installed.
 */
public final class JvmBackend implements Backend {
    private final int threads;
    private final boolean reference;

    public JvmBackend(int threads) {
        this(threads, false);
    }

    /** {@code reference}: run only the shared per-element kernels (slow; the fast path's test oracle). */
    public JvmBackend(int threads, boolean reference) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.reference = reference;
    }

    public static JvmBackend allCores() {
        return new JvmBackend(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public ProgramRunner prepare(NetworkProgram program) {
        List<Op> ops = program.ops();
        FastOp[] fast = new FastOp[ops.size()];
        int scratch = 0;
        if (fastPath()) {
            for (int i = 0; i < fast.length; i++) {
                fast[i] = FastOp.of(ops.get(i));
                if (fast[i] != null) {
                    scratch = Math.max(scratch, fast[i].scratchSize());
                    if (i > 0) {
                        fast[i].followOn(fast[i - 1]);
                    }
                }
            }
        }
        return new Runner(ops, fast, new float[scratch], new ParallelLoop(threads), description());
    }

    /** True when launches with a fast form (convolutions, correlation, slicing) take it. */
    public boolean fastPath() {
        return !reference && VectorSupport.available();
    }

    @Override
    public String description() {
        return "jvm" + (fastPath() ? "" : " reference kernels") + " (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    /** Executes one op with its kernel; the switch is the JVM's counterpart of a TaskGraph's task list. */
    static void execute(Op op, ParallelLoop loop) {
        float[][] a = op.arrays();
        int[] p = op.params();
        switch (op.kind()) {
            case CONV2D -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    Conv2dKernels.conv2d(a[0], a[1], a[2], a[3], a[4], p, i);
                }
            });
            case DECONV2D -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    Conv2dKernels.deconv2d(a[0], a[1], a[2], a[3], a[4], p, i);
                }
            });
            case CONV3D -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    Conv3dKernels.conv3d(a[0], a[1], a[2], a[3], a[4], p, i);
                }
            });
            case DECONV3D -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    Conv3dKernels.deconv3d(a[0], a[1], a[2], a[3], a[4], p, i);
                }
            });
            case GWC_VOLUME -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    CostVolumeKernels.groupwiseCorrelation(a[0], a[1], a[2], p, i);
                }
            });
            case SLICE_REGRESS -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    BilateralSliceKernels.sliceRegress(a[0], a[1], a[2], p, i);
                }
            });
            case BILINEAR -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    ResampleKernels.bilinear(a[0], a[1], p, i);
                }
            });
            case WARP_DIFFERENCE -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    RefinementKernels.warpDifference(a[0], a[1], a[2], a[3], p, i);
                }
            });
            case RELU_ADD -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    RefinementKernels.reluAdd(a[0], a[1], a[2], p, i);
                }
            });
            case COPY -> loop.forRange(op.size(), (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    TensorKernels.copy(a[0], a[1], p, i);
                }
            });
        }
    }

    /** {@code fast[i]}: the fast form of op i, or null where op i runs its shared kernel. */
    private record Runner(List<Op> ops, FastOp[] fast, float[] scratch, ParallelLoop loop,
                          String description) implements ProgramRunner {
        @Override
        public void run() {
            for (int i = 0; i < fast.length; i++) {
                run(i);
            }
        }

        @Override
        public void run(StageTimes times) {
            for (int i = 0; i < fast.length; i++) {
                long t0 = System.nanoTime();
                run(i);
                times.add(ops.get(i).stage(), System.nanoTime() - t0);
            }
        }

        private void run(int i) {
            if (fast[i] != null) {
                fast[i].run(ops.get(i).arrays(), scratch, loop);
            } else {
                execute(ops.get(i), loop);
            }
        }

        @Override
        public void close() {
            loop.close();
        }
    }
}
