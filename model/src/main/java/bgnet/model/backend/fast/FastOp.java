package bgnet.model.backend.fast;

import bgnet.model.backend.ParallelLoop;

/** A launch prepared for the fast path: computes what its shared kernel computes, faster. */
public interface FastOp {

    /** Runs the launch; {@code arrays} are its op's arrays, {@code scratch} is shared by all launches. */
    void run(float[][] arrays, float[] scratch, ParallelLoop loop);

    /** Elements of the shared scratch buffer this launch needs. */
    default int scratchSize() {
        return 0;
    }

    /** Told which launch runs just before this one (null: a shared kernel), to reuse what it left in scratch. */
    default void followOn(FastOp previous) {
    }

    /** The fast form of {@code op}, or null where it has none (it then runs its shared kernel). */
    static FastOp of(bgnet.model.network.Op op) {
        return switch (op.kind()) {
            case CONV2D, DECONV2D, CONV3D, DECONV3D -> convolution(op);
            case GWC_VOLUME -> new FastCorrelation(op.params());
            case SLICE_REGRESS -> new FastSliceRegress(op.params());
            case COPY -> new FastCopy(op.params());
            default -> null;
        };
    }

    /** Winograd where it applies (3x3 stride 1), the direct blocked kernel elsewhere it can stage. */
    private static FastOp convolution(bgnet.model.network.Op op) {
        ConvShape shape = ConvShape.of(op);
        if (WinogradConvolution.supports(shape)) {
            return new WinogradConvolution(op);
        }
        return ConvPlanner.supports(shape) ? new FastConvolution(op) : null;
    }
}
