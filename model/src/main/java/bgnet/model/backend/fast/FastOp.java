package bgnet.model.backend.fast;

import bgnet.model.backend.TensorArrays;
import bgnet.model.backend.Launch;
import bgnet.model.network.Bilinear;
import bgnet.model.network.Conv;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.Op;
import bgnet.model.network.ReluAdd;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.WarpDifference;

/** A launch prepared for the fast path: computes what its shared kernel computes, faster. */
public interface FastOp extends Launch {

    /** Elements of the shared scratch buffer this launch needs. */
    default int scratchSize() {
        return 0;
    }

    /** Told which launch runs just before this one (null: a shared kernel), to reuse what it left in scratch. */
    default void followOn(FastOp previous) {
    }

    /** The fast form of {@code op} bound to its arrays, or null where it has none (it then runs its shared kernel). */
    static FastOp of(Op op, TensorArrays buffers) {
        return switch (op) {
            case Conv c -> convolution(c, buffers);
            case Correlation c -> new FastCorrelation(c, buffers);
            case SliceRegress s -> new FastSliceRegress(s, buffers);
            case Copy c -> new FastCopy(c, buffers);
            case Bilinear b -> null;
            case WarpDifference w -> null;
            case ReluAdd r -> null;
        };
    }

    /** Winograd where it applies (3x3 stride 1), the direct blocked kernel elsewhere it can stage. */
    private static FastOp convolution(Conv op, TensorArrays buffers) {
        ConvShape shape = ConvShape.of(op);
        if (WinogradConvolution.supports(shape)) {
            return new WinogradConvolution(op, buffers);
        }
        return ConvPlanner.supports(shape) ? new FastConvolution(op, buffers) : null;
    }
}
