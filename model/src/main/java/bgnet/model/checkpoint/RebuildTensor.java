package bgnet.model.checkpoint;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * Stands in for {@code torch._utils._rebuild_tensor_v2(storage, storage_offset, size, stride,
 * requires_grad, backward_hooks[, metadata])}: records the view, reads no data. The trailing
 * arguments only matter for autograd, so they are ignored.
 */
final class RebuildTensor implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        if (args.length < 4) {
            throw new PickleException("_rebuild_tensor_v2 got " + args.length + " arguments, expected at least 4");
        }
        if (!(args[0] instanceof StorageRef storage)) {
            throw new PickleException("_rebuild_tensor_v2 storage is " + PickleValues.describe(args[0]));
        }
        long offset = PickleValues.asLong(args[1], "storage offset");
        Object[] size = PickleValues.asTuple(args[2], "tensor size");
        Object[] stride = PickleValues.asTuple(args[3], "tensor stride");
        if (size.length != stride.length) {
            throw new PickleException("tensor size has " + size.length + " dimensions but stride has " + stride.length);
        }
        int[] shape = new int[size.length];
        long[] steps = new long[size.length];
        for (int d = 0; d < size.length; d++) {
            long s = PickleValues.asLong(size[d], "tensor size");
            if (s < 0 || s > Integer.MAX_VALUE) {
                throw new PickleException("tensor size " + s + " is out of range");
            }
            shape[d] = (int) s;
            steps[d] = PickleValues.asLong(stride[d], "tensor stride");
        }
        return new TensorRef(storage, offset, shape, steps);
    }
}
