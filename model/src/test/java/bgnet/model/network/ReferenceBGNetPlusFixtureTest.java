package bgnet.model.network;

import bgnet.model.backend.JvmBackend;

/** BGNet+ with only the shared per-element kernels against PyTorch. */
class ReferenceBGNetPlusFixtureTest extends BGNetPlusFixtureTest {
    @Override
    JvmBackend backend() {
        return new JvmBackend(2, true);
    }
}
