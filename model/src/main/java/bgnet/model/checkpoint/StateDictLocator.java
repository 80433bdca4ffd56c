package bgnet.model.checkpoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Finds the dict of tensors in an unpickled checkpoint. Accepted, in this order:
 * <ol>
 *   <li>the top object itself, when it is a dict of tensors ({@code torch.save(model.state_dict())});</li>
 *   <li>the dict under a {@code 'state_dict'} or {@code 'model'} key of the top dict, as training
 *       scripts save ({@code {'epoch': 7, 'state_dict': ..., 'optimizer': ...}}); the other entries
 *       are ignored.</li>
 * </ol>
 * If every key then starts with {@code "module."} (a model wrapped in nn.DataParallel when saved),
 * that prefix is removed from all of them.
 */
final class StateDictLocator {
    static final List<String> WRAPPER_KEYS = List.of("state_dict", "model");
    static final String DATA_PARALLEL_PREFIX = "module.";

    private StateDictLocator() {
    }

    static Map<String, TensorRef> locate(Object top, Path file) throws CheckpointException {
        if (!(top instanceof Map<?, ?> dict) || top instanceof ClassDict) {
            String hint = top instanceof ClassDict ? ": save model.state_dict() rather than the model" : "";
            throw new CheckpointException(file, "data.pkl holds " + PickleValues.describe(top)
                    + ", not a state_dict (a dict of tensors)" + hint);
        }
        if (dict.isEmpty()) {
            throw new CheckpointException(file, "data.pkl holds an empty dict: no tensors");
        }
        Map<String, TensorRef> tensors = tensorsOrNull(dict);
        for (int i = 0; tensors == null && i < WRAPPER_KEYS.size(); i++) {
            if (dict.get(WRAPPER_KEYS.get(i)) instanceof Map<?, ?> inner && !(inner instanceof ClassDict) && !inner.isEmpty()) {
                tensors = tensorsOrNull(inner);
            }
        }
        if (tensors == null) {
            throw new CheckpointException(file, "data.pkl holds a dict that is not a state_dict: " + firstNonTensor(dict)
                    + ", and no 'state_dict' or 'model' entry holds a dict of tensors");
        }
        return stripDataParallelPrefix(tensors);
    }

    private static Map<String, TensorRef> tensorsOrNull(Map<?, ?> dict) {
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof TensorRef tensor)) {
                return null;
            }
            tensors.put(key, tensor);
        }
        return tensors;
    }

    private static String firstNonTensor(Map<?, ?> dict) {
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                return "key " + e.getKey() + " is " + PickleValues.describe(e.getKey()) + ", not a str";
            }
            if (!(e.getValue() instanceof TensorRef)) {
                return "entry '" + key + "' is " + PickleValues.describe(e.getValue()) + ", not a tensor";
            }
        }
        throw new IllegalStateException("every entry is a tensor");
    }

    private static Map<String, TensorRef> stripDataParallelPrefix(Map<String, TensorRef> tensors) {
        if (!tensors.keySet().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX))) {
            return tensors;
        }
        Map<String, TensorRef> stripped = new LinkedHashMap<>();
        tensors.forEach((k, v) -> stripped.put(k.substring(DATA_PARALLEL_PREFIX.length()), v));
        return stripped;
    }
}
