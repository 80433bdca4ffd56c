package bgnet.model.checkpoint;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * Stands in for {@code torch._utils._rebuild_parameter(data, requires_grad, backward_hooks[, state])}:
 * an nn.Parameter is its data tensor here. Plain state dicts hold detached tensors, but
 * checkpoints saved with {@code keep_vars=True} hold Parameters.
 */
final class RebuildParameter implements IObjectConstructor {

    @Override
    public Object construct(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TensorRef tensor)) {
            throw new PickleException("_rebuild_parameter expects a tensor as first argument");
        }
        return tensor;
    }
}
