package bgnet.model.checkpoint;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.objects.ClassDict;

/** Checked conversions of unpickled values, and their Python type names for error messages. */
final class PickleValues {
    private PickleValues() {
    }

    /** A Python int as a long: the unpickler yields Integer, Long or BigInteger depending on size. */
    static long asLong(Object value, String what) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new PickleException(what + " should be an int but is " + describe(value));
    }

    /** A Python tuple, which the unpickler yields as Object[]. */
    static Object[] asTuple(Object value, String what) {
        if (value instanceof Object[] tuple) {
            return tuple;
        }
        throw new PickleException(what + " should be a tuple but is " + describe(value));
    }

    /** The value's Python type with an article, for messages: "an int", "a tuple", "None". */
    static String describe(Object value) {
        String type = pythonType(value);
        if (value == null) {
            return type;
        }
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** How Python would name the type of an unpickled value. */
    private static String pythonType(Object value) {
        return switch (value) {
            case null -> "None";
            case TensorRef _ -> "tensor";
            case ClassDict object -> "pickled Python object " + object.getClassName();
            case String _ -> "str";
            case Boolean _ -> "bool";
            case Integer _ -> "int";
            case Long _ -> "int";
            case BigInteger _ -> "int";
            case Double _ -> "float";
            case Object[] _ -> "tuple";
            case byte[] _ -> "bytes";
            case List<?> _ -> "list";
            case Map<?, ?> _ -> "dict";
            case Set<?> _ -> "set";
            default -> value.getClass().getSimpleName();
        };
    }
}
