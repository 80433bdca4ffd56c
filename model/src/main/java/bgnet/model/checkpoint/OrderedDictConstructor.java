package bgnet.model.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * Stands in for {@code collections.OrderedDict}: a state_dict() is one, and its order (module
 * registration order) is worth keeping. Without this the library would build an unordered
 * ClassDict.
 */
final class OrderedDictConstructor implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        // Protocol 2 passes no arguments (items follow as SETITEMS); older pickles pass a list of pairs.
        if (args.length == 1 && args[0] instanceof List<?> pairs) {
            for (Object pair : pairs) {
                Object[] kv = PickleValues.asTuple(pair, "OrderedDict item");
                if (kv.length != 2) {
                    throw new PickleException("OrderedDict item has " + kv.length + " elements, expected 2");
                }
                dict.put(kv[0], kv[1]);
            }
        } else if (args.length != 0) {
            throw new PickleException("OrderedDict got " + args.length + " arguments");
        }
        return dict;
    }
}
