package bgnet.model.backend;

import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Tensor;

/** A program's tensors as heap arrays, one per {@link MemoryPlan} slot. */
public final class HeapBuffers implements TensorArrays {
    private final MemoryPlan plan;
    private final float[][] slots;

    public HeapBuffers(NetworkProgram program, boolean share) {
        this.plan = MemoryPlan.of(program, share);
        this.slots = new float[plan.slotCount()][];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new float[plan.slotSizes()[s]];
        }
    }

    /** The array behind {@code t} (shared with tensors whose lifetimes do not overlap t's). */
    @Override
    public float[] of(Tensor t) {
        return slots[plan.slot(t)];
    }

    public MemoryPlan plan() {
        return plan;
    }
}
