package bgnet.model.network;

/**
 * One kernel launch of the forward pass: {@code size} independent output elements.
 *
 * @param name   stable id, e.g. "left.feature_extraction.layer1.0.conv1" (TornadoVM task names derive from it)
 * @param stage  the stage it is timed under
 * @param kind   which kernel; fixes the meaning of {@code arrays}
 * @param arrays the kernel's float arrays in the kind's order (weights, activations)
 * @param params the kernel's int parameters, laid out by its {@code params(..)} method
 * @param size   number of output elements (the parallel loop's length)
 */
public record Op(String name, Stage stage, OpKind kind, float[][] arrays, int[] params, int size) {
}
