package bgnet.model.backend;

import bgnet.model.network.Tensor;

/** Where a JVM launch finds the heap array behind a tensor. */
@FunctionalInterface
public interface TensorArrays {
    float[] of(Tensor t);
}
