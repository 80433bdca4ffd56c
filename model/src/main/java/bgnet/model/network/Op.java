package bgnet.model.network;

import java.util.List;

/**
 * One operation of the forward pass, over tensors the plan describes. Backends {@code switch} over
 * the records; each record names its operands, so no backend depends on an argument order.
 */
public sealed interface Op permits Conv, Correlation, SliceRegress, Bilinear, WarpDifference, ReluAdd, Copy {

    /** Stable id, e.g. "left.feature_extraction.layer1.0.conv1" (TornadoVM task names derive from it). */
    String name();

    /** The stage it is timed under. */
    Stage stage();

    /** Views it reads (activations only; weights are constants of the op). */
    List<View> reads();

    /** The view it writes (its main output). */
    View writes();

    /** Every view it writes: {@link #writes()} first, then any second output (the slicing's optional confidence). */
    default List<View> outputs() {
        return List.of(writes());
    }

    /** The kind of operation in words, for per-kind figures ("conv3d s2", "correlation", ...). */
    String kind();
}
