package bgnet.model.network;

import bgnet.model.backend.JvmBackend;

/** BGNet with only the shared per-element kernels (the math every fast tier is held to) against PyTorch. */
class ReferenceForwardPassFixtureTest extends ForwardPassFixtureTest {
    @Override
    JvmBackend backend() {
        return new JvmBackend(2, true);
    }
}
