package bgnet.model.network;

import java.util.Arrays;
import java.util.List;

/** For every tensor, the first and last op (index in execution order) that reads or writes it; -1 when none does. */
public final class Lifetimes {
    private final int[] first;
    private final int[] last;

    private Lifetimes(int tensors) {
        first = new int[tensors];
        last = new int[tensors];
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
    }

    /** Lifetimes over any list of ops (a whole program's, or groups of them such as TaskGraph segments). */
    public static Lifetimes of(List<? extends List<Op>> groups, int tensors) {
        Lifetimes l = new Lifetimes(tensors);
        for (int g = 0; g < groups.size(); g++) {
            for (Op op : groups.get(g)) {
                for (View v : op.reads()) {
                    l.touch(v.tensor(), g);
                }
                for (View v : op.outputs()) {
                    l.touch(v.tensor(), g);
                }
            }
        }
        return l;
    }

    /** Per-op lifetimes of a program. */
    public static Lifetimes of(NetworkProgram program) {
        return of(program.ops().stream().map(List::<Op>of).toList(), program.tensors().size());
    }

    private void touch(Tensor t, int index) {
        if (first[t.id()] < 0) {
            first[t.id()] = index;
        }
        last[t.id()] = index;
    }

    public int first(Tensor t) {
        return first[t.id()];
    }

    public int last(Tensor t) {
        return last[t.id()];
    }

    public boolean used(Tensor t) {
        return first[t.id()] >= 0;
    }
}
