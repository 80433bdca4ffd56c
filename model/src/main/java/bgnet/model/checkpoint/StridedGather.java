package bgnet.model.checkpoint;

import java.nio.ByteBuffer;

/** Copies a strided view of a storage into a contiguous C-order float array. */
final class StridedGather {
    private StridedGather() {
    }

    /**
     * @param storage the storage bytes, byte order already set
     * @param view    a view whose every element lies inside the storage (checked by the caller)
     */
    static float[] gather(ByteBuffer storage, TensorRef view, int numel) {
        DType dtype = view.storage().dtype();
        float[] values = new float[numel];
        int offset = (int) view.offset();
        if (isContiguous(view.shape(), view.stride())) {
            if (dtype == DType.FLOAT32) {
                storage.asFloatBuffer().get(offset, values); // the common case, in bulk
            } else {
                for (int i = 0; i < numel; i++) {
                    values[i] = dtype.read(storage, offset + i);
                }
            }
            return values;
        }
        int[] shape = view.shape();
        long[] stride = view.stride();
        int[] index = new int[shape.length];
        long at = offset;
        for (int i = 0; i < numel; i++) {
            values[i] = dtype.read(storage, (int) at);
            // Odometer: advance the last dimension, carry into earlier ones.
            for (int d = shape.length - 1; d >= 0; d--) {
                at += stride[d];
                if (++index[d] < shape[d]) {
                    break;
                }
                at -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
        return values;
    }

    /** Whether the view is a plain C-order block (size-1 dimensions may have any stride). */
    static boolean isContiguous(int[] shape, long[] stride) {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }
}
