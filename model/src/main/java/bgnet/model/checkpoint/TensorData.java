package bgnet.model.checkpoint;

import java.util.Arrays;

/**
 * One tensor of a state dict, gathered into a contiguous C-order (last index fastest) array.
 * Every supported dtype is converted to float32: integer and bool tensors in BGNet checkpoints
 * are only {@code num_batches_tracked} counters, so nothing useful is lost (integers beyond
 * 2^24 would be rounded). The arrays are not copied; treat them as read-only.
 *
 * @param key    the state-dict key, e.g. {@code "guide.conv1.0.weight"}
 * @param dtype  the dtype in the file, as PyTorch names it without {@code torch.}: "float32", "int64", ...
 * @param shape  PyTorch sizes; empty for a 0-dim scalar
 * @param values numel() values
 */
public record TensorData(String key, String dtype, int[] shape, float[] values) {

    public TensorData {
        long numel = product(shape);
        if (numel != values.length) {
            throw new IllegalArgumentException("tensor " + key + " of shape " + Arrays.toString(shape)
                    + " needs " + numel + " values, got " + values.length);
        }
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long numel() {
        return product(shape);
    }

    private static long product(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    // Records compare arrays by identity; two tensors are equal when their contents are.
    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && key.equals(t.key) && dtype.equals(t.dtype)
                && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * key.hashCode() + dtype.hashCode()) + Arrays.hashCode(shape);
    }

    // Never dump a few hundred thousand values into a log line.
    @Override
    public String toString() {
        return "TensorData[" + key + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
