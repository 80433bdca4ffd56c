package bgnet.model.network;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A forward pass planned for one input size: typed ops in execution order over tensors the plan
 * describes but does not allocate. A backend compiles it once ({@code Backend.prepare}) into a runner
 * that owns the memory; frames go in and the disparity comes out through the runner.
 *
 * @param architecture BGNet or BGNet+
 * @param height       padded input height (multiple of 64)
 * @param width        padded input width (multiple of 64)
 * @param ops          in execution order
 * @param tensors      every tensor, indexed by {@link Tensor#id()}
 * @param left         input [1][H][W], grey levels 0..255
 * @param right        input [1][H][W]
 * @param disparity    output [1][H][W] in full-resolution pixels
 * @param confidence   output [1][H][W], the largest softmax probability of the regression upsampled like the
 *                     disparity; null when the program was planned without it
 * @param named        selected intermediates by name, for tests and debugging (kept for the whole pass)
 */
public record NetworkProgram(Architecture architecture, int height, int width, List<Op> ops, List<Tensor> tensors,
                             Tensor left, Tensor right, Tensor disparity, Tensor confidence,
                             Map<String, Tensor> named) {

    /** A program without the confidence output. */
    public NetworkProgram(Architecture architecture, int height, int width, List<Op> ops, List<Tensor> tensors,
                          Tensor left, Tensor right, Tensor disparity, Map<String, Tensor> named) {
        this(architecture, height, width, ops, tensors, left, right, disparity, null, named);
    }

    public NetworkProgram {
        ops = List.copyOf(ops);
        tensors = List.copyOf(tensors);
        named = Map.copyOf(named);
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).id() != i) {
                throw new IllegalArgumentException("tensor " + i + " has id " + tensors.get(i).id());
            }
        }
    }

    public Tensor tensor(String name) {
        Tensor t = named.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor named " + name + "; have " + named.keySet());
        }
        return t;
    }

    /** Whether the program computes the confidence map. */
    public boolean hasConfidence() {
        return confidence != null;
    }

    /** Tensors whose contents must survive the whole pass: the inputs, the outputs and the named ones. */
    public Set<Tensor> pinned() {
        Set<Tensor> pinned = new LinkedHashSet<>(List.of(left, right, disparity));
        if (confidence != null) {
            pinned.add(confidence);
        }
        pinned.addAll(named.values());
        return pinned;
    }

    /** Multiply-accumulates of the convolutions, for GFLOP/s figures. */
    public long convolutionMacs() {
        long macs = 0;
        for (Op op : ops) {
            if (op instanceof Conv c) {
                macs += c.macs();
            }
        }
        return macs;
    }
}
