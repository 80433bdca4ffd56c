package bgnet.model.checkpoint;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * What a pickled {@code torch.FloatStorage} (etc.) global unpickles to: only a tag inside a
 * persistent id, never called. Registering these keeps the storage's type readable: the
 * library's fallback (ClassDictConstructor) hides the class name in package-private fields.
 *
 * @param typeName e.g. "torch.FloatStorage"
 * @param dtype    its element type
 */
record StorageClass(String typeName, DType dtype) implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        throw new PickleException(typeName + " is only expected inside a storage persistent id");
    }
}
