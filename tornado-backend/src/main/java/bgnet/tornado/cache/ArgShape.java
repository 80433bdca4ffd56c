package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

import java.lang.reflect.Array;

/**
 * What TornadoVM's compiler bakes into a kernel from one task argument: a boxed scalar's value, an
 * array's element count (Java arrays and off-heap arrays alike), or else the argument's class. Two
 * tasks of the same method whose arguments have the same shapes compile to the same kernel.
 */
final class ArgShape {
    private ArgShape() {
    }

    static String of(Object arg) {
        if (arg == null) {
            return "null";
        }
        Class<?> c = arg.getClass();
        if (arg instanceof Number || arg instanceof Boolean || arg instanceof Character) {
            return c.getSimpleName() + "=" + arg;
        }
        if (c.isArray()) {
            return c.getComponentType().getName() + "[" + Array.getLength(arg) + "]";
        }
        if (arg instanceof TornadoNativeArray a) {
            return c.getSimpleName() + "[" + a.getSize() + "]";
        }
        return c.getName();
    }
}
