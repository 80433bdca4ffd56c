package bgnet.model.checkpoint;

/**
 * A storage named by a persistent id in data.pkl; its bytes are read later, by key, and only
 * if a tensor of the state dict needs them.
 *
 * @param typeName the pickled storage class, e.g. "torch.FloatStorage"
 * @param dtype    its element type, null when the class is unknown
 * @param key      the entry name under {@code <root>/data/}
 * @param numel    number of elements the storage holds
 */
record StorageRef(String typeName, DType dtype, String key, long numel) {
}
