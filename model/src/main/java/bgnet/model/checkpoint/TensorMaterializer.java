package bgnet.model.checkpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the storages the views need and gathers every view into a {@link TensorData}. A storage
 * shared by several views is read once and dropped after its last view.
 */
final class TensorMaterializer {
    private final Path file;
    private final CheckpointArchive archive;
    private final Map<String, Integer> usesLeft = new HashMap<>();
    private final Map<String, ByteBuffer> loaded = new HashMap<>();

    private TensorMaterializer(Path file, CheckpointArchive archive) {
        this.file = file;
        this.archive = archive;
    }

    static Map<String, TensorData> materialize(Map<String, TensorRef> views, CheckpointArchive archive, Path file)
            throws CheckpointException {
        TensorMaterializer m = new TensorMaterializer(file, archive);
        views.values().forEach(v -> m.usesLeft.merge(v.storage().key(), 1, Integer::sum));
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> e : views.entrySet()) {
            tensors.put(e.getKey(), m.tensor(e.getKey(), e.getValue()));
        }
        return tensors;
    }

    private TensorData tensor(String key, TensorRef view) throws CheckpointException {
        StorageRef storage = view.storage();
        DType dtype = storage.dtype();
        if (dtype == null || !dtype.convertible()) {
            String name = dtype == null ? storage.typeName() : dtype.torchName;
            throw new CheckpointException(file, "tensor '" + key + "' has unsupported dtype " + name
                    + " (supported: float32/64/16, bfloat16, int64/32/16/8, uint8, bool)");
        }
        int numel = checkBounds(key, view);
        ByteBuffer bytes = loaded.get(storage.key());
        if (bytes == null) {
            bytes = archive.storage(storage);
            loaded.put(storage.key(), bytes);
        }
        float[] values = numel == 0 ? new float[0] : StridedGather.gather(bytes, view, numel);
        if (usesLeft.merge(storage.key(), -1, Integer::sum) == 0) {
            loaded.remove(storage.key());
        }
        return new TensorData(key, dtype.torchName, view.shape().clone(), values);
    }

    /** The view's element count, after checking that every element lies inside its storage. */
    private int checkBounds(String key, TensorRef view) throws CheckpointException {
        long numel = 1;
        long last = view.offset();
        boolean negative = view.offset() < 0;
        boolean overflow = false;
        for (int d = 0; d < view.shape().length; d++) {
            negative |= view.stride()[d] < 0 || view.shape()[d] < 0;
            try {
                numel = Math.multiplyExact(numel, (long) view.shape()[d]);
                if (view.shape()[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(view.shape()[d] - 1L, (long) view.stride()[d]));
                }
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        String where = "tensor '" + key + "' (shape " + Arrays.toString(view.shape()) + ", stride "
                + Arrays.toString(view.stride()) + ", offset " + view.offset() + ")";
        if (negative) {
            throw new CheckpointException(file, where + " has a negative stride or offset: corrupt data.pkl");
        }
        if (overflow) {
            throw new CheckpointException(file, where + " has sizes whose product overflows: corrupt data.pkl");
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file, where + " has over 2^31 elements, too many for this reader");
        }
        if (numel > 0 && last >= view.storage().numel()) {
            throw new CheckpointException(file, where + " reaches element " + last + " of storage data/"
                    + view.storage().key() + " which holds " + view.storage().numel() + ": corrupt checkpoint");
        }
        return (int) numel;
    }
}
