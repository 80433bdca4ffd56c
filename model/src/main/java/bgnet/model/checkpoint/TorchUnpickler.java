package bgnet.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;
import net.razorvine.pickle.objects.ClassDictConstructor;

/**
 * Unpickles a checkpoint's data.pkl with net.razorvine.pickle into plain Java values: maps,
 * {@link TensorRef} views and {@link StorageRef} storages. No storage bytes are read here.
 *
 * <p>Three opcodes are handled here instead of by the library, which would otherwise lose
 * information a state dict needs:
 * <ul>
 *   <li>EMPTY_DICT and DICT: the library builds a HashMap; Python dicts keep insertion order.</li>
 *   <li>SETITEMS: the library collects each batch (up to 1000 items) into a HashMap before
 *       adding it, which scrambles the key order even of an OrderedDict.</li>
 *   <li>BUILD: it sets Python object state by reflection ({@code __setstate__} with the exact
 *       state class), which fails on ordered maps; that state (OrderedDict {@code _metadata},
 *       a pickled module's attributes) is never needed for the tensors, so it is dropped.</li>
 * </ul>
 */
final class TorchUnpickler extends Unpickler {

    static {
        // The library's constructor registry is global to the JVM; these only add torch names.
        registerConstructor("torch._utils", "_rebuild_tensor_v2", new RebuildTensor());
        registerConstructor("torch._utils", "_rebuild_parameter", new RebuildParameter());
        registerConstructor("torch._utils", "_rebuild_parameter_with_state", new RebuildParameter());
        registerConstructor("collections", "OrderedDict", new OrderedDictConstructor());
        for (DType t : DType.values()) {
            registerConstructor("torch", t.storageClass, new StorageClass("torch." + t.storageClass, t));
        }
    }

    private TorchUnpickler() {
    }

    /** The top object of a data.pkl; any malformation becomes a one-line CheckpointException. */
    static Object load(byte[] pickle, Path file) throws CheckpointException {
        TorchUnpickler unpickler = new TorchUnpickler();
        try {
            return unpickler.loads(pickle);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: a malformed stream also surfaces as stack underflow or bad casts.
            throw new CheckpointException(file, "corrupt or unsupported data.pkl (" + e + ")", e);
        } catch (StackOverflowError e) {
            throw new CheckpointException(file, "corrupt or unsupported data.pkl (nested too deeply)", e);
        } finally {
            unpickler.close();
        }
    }

    @Override
    protected Object dispatch(short opcode) throws IOException {
        switch (opcode) {
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(stack.pop_all_since_marker(), dict);
                stack.add(dict);
            }
            case Opcodes.SETITEMS -> {
                List<Object> pairs = stack.pop_all_since_marker();
                putPairs(pairs, targetDict());
            }
            case Opcodes.BUILD -> stack.pop();
            default -> {
                return super.dispatch(opcode);
            }
        }
        return NO_RETURN_VALUE;
    }

    /** A torch persistent id: ('storage', storage class, key, location, numel). */
    @Override
    protected Object persistentLoad(Object pid) {
        Object[] id = PickleValues.asTuple(pid, "persistent id");
        if (id.length < 5 || !"storage".equals(id[0])) {
            throw new PickleException("unsupported persistent id (expected ('storage', type, key, location, numel))");
        }
        StorageClass type = storageClass(id[1]);
        if (!(id[2] instanceof String key)) {
            throw new PickleException("storage key is " + PickleValues.describe(id[2]));
        }
        long numel = PickleValues.asLong(id[4], "storage size");
        if (numel < 0) {
            throw new PickleException("storage " + key + " has negative size " + numel);
        }
        return new StorageRef(type.typeName(), type.dtype(), key, numel);
    }

    private static StorageClass storageClass(Object global) {
        if (global instanceof StorageClass known) {
            return known;
        }
        if (global instanceof ClassDictConstructor unknown) {
            // An unregistered global: building an empty instance is the only way to read its name.
            String name = ((ClassDict) unknown.construct(new Object[0])).getClassName();
            return new StorageClass(name, null);
        }
        throw new PickleException("storage type is " + PickleValues.describe(global));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> targetDict() {
        Object target = stack.peek();
        if (target instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw new PickleException("SETITEMS on " + PickleValues.describe(target));
    }

    private static void putPairs(List<Object> flat, Map<Object, Object> dict) {
        if (flat.size() % 2 != 0) {
            throw new PickleException("odd number of dict items");
        }
        for (int i = 0; i < flat.size(); i += 2) {
            Object key = flat.get(i);
            // Python cannot hash these either; hashing a deeply nested one would overflow the stack.
            if (key instanceof java.util.Collection<?> || key instanceof Map<?, ?>) {
                throw new PickleException("dict key is " + PickleValues.describe(key) + ", which Python cannot hash");
            }
            dict.put(key, flat.get(i + 1));
        }
    }
}
