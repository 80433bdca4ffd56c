package bgnet.model.checkpoint;

/**
 * What {@code torch._utils._rebuild_tensor_v2} was asked to build: a strided view of a storage.
 *
 * @param storage the storage the view reads
 * @param offset  storage offset of element [0,...,0], in elements
 * @param shape   sizes
 * @param stride  element step per dimension (0 for an expanded dimension)
 */
record TensorRef(StorageRef storage, long offset, int[] shape, long[] stride) {
}
