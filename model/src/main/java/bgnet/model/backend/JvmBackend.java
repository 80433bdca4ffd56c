package bgnet.model.backend;

import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;

/**
 * The embedded backend: runs each launch's shared kernel method over its elements on a thread pool.
 * Needs nothing installed.
 */
public final class JvmBackend implements Backend {
    private final int threads;

    public JvmBackend(int threads) {
        this.threads = threads;
    }

    public static JvmBackend allCores() {
        return new JvmBackend(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public ProgramRunner prepare(NetworkProgram program) {
        return new Runner(program, new ParallelLoop(threads), description());
    }

    @Override
    public String description() {
        return "jvm (" + threads + (threads == 1 ? " thread)" : " threads)");
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

    private record Runner(NetworkProgram program, ParallelLoop loop, String description) implements ProgramRunner {
        @Override
        public void run() {
            for (Op op : program.ops()) {
                execute(op, loop);
            }
        }

        @Override
        public void run(StageTimes times) {
            for (Op op : program.ops()) {
                long t0 = System.nanoTime();
                execute(op, loop);
                times.add(op.stage(), System.nanoTime() - t0);
            }
        }

        @Override
        public void close() {
            loop.close();
        }
    }
}
