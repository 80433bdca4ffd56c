package bgnet.model.backend;

import bgnet.model.network.Lifetimes;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.model.network.Tensor;
import bgnet.model.network.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which memory slot each tensor of a program lives in, so that a backend allocates slots, not tensors.
 * Tensors whose lifetimes (first to last op touching them) do not overlap share a slot; pinned ones —
 * inputs, output, named intermediates — get slots of their own, so their contents survive the pass.
 * A slot freed by an op is reused only after that op: an op's inputs and output never share memory.
 *
 * @param slotOf    slot index per tensor id
 * @param slotSizes elements per slot
 */
public record MemoryPlan(int[] slotOf, int[] slotSizes) {

    /** {@code share = false}: every tensor gets its own slot (debugging; much more memory). */
    public static MemoryPlan of(NetworkProgram program, boolean share) {
        List<Tensor> tensors = program.tensors();
        int[] slotOf = new int[tensors.size()];
        java.util.Arrays.fill(slotOf, -1);
        List<Integer> sizes = new ArrayList<>();
        Set<Tensor> pinned = program.pinned();
        for (Tensor t : pinned) {
            slotOf[t.id()] = newSlot(sizes, t.size());
        }
        Lifetimes life = Lifetimes.of(program);
        List<Integer> free = new ArrayList<>();
        List<Op> ops = program.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            List<View> touched = new ArrayList<>(op.reads());
            touched.addAll(op.outputs());
            for (View v : touched) {
                Tensor t = v.tensor();
                if (slotOf[t.id()] < 0) {
                    slotOf[t.id()] = share ? take(free, sizes, t.size()) : newSlot(sizes, t.size());
                }
            }
            for (View v : touched) {
                Tensor t = v.tensor();
                if (life.last(t) == i && !pinned.contains(t) && !free.contains(slotOf[t.id()])) {
                    free.add(slotOf[t.id()]);
                }
            }
        }
        for (Tensor t : tensors) {
            if (slotOf[t.id()] < 0) {
                slotOf[t.id()] = newSlot(sizes, t.size());
            }
        }
        return new MemoryPlan(slotOf, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    public int slot(Tensor t) {
        return slotOf[t.id()];
    }

    public int slotCount() {
        return slotSizes.length;
    }

    /** Bytes of float32 memory over all slots. */
    public long bytes() {
        long n = 0;
        for (int s : slotSizes) {
            n += 4L * s;
        }
        return n;
    }

    private static int newSlot(List<Integer> sizes, int size) {
        sizes.add(size);
        return sizes.size() - 1;
    }

    /** The smallest free slot that fits, or a new one. */
    private static int take(List<Integer> free, List<Integer> sizes, int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int s = sizes.get(free.get(i));
            if (s >= size && (best < 0 || s < sizes.get(free.get(best)))) {
                best = i;
            }
        }
        return best >= 0 ? free.remove(best) : newSlot(sizes, size);
    }
}
