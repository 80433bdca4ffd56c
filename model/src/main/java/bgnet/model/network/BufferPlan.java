package bgnet.model.network;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Activation memory by liveness. While a program is planned, maps get zero-length placeholder arrays
 * (identity only, so nothing big is allocated); then {@link #assign} gives every placeholder a real
 * array, letting buffers whose lifetimes (first to last launch that touches them) do not overlap share
 * one. Pinned buffers — inputs, output, named intermediates — get arrays of their own, so their contents
 * survive the whole pass. With sharing off every placeholder gets its own array.
 */
final class BufferPlan {
    private final Map<float[], Integer> sizes = new IdentityHashMap<>();

    FeatureMap allocate(int c, int d, int h, int w) {
        float[] placeholder = new float[0];
        sizes.put(placeholder, c * d * h * w);
        return new FeatureMap(placeholder, 0, c, d, h, w);
    }

    FeatureMap allocate2d(int c, int h, int w) {
        return allocate(c, 1, h, w);
    }

    /** Elements of the buffer behind {@code data}: its planned size for a placeholder. */
    int length(float[] data) {
        Integer n = sizes.get(data);
        return n != null ? n : data.length;
    }

    /** Real arrays for every placeholder; {@code share}: let non-overlapping lifetimes share arrays. */
    Map<float[], float[]> assign(List<Op> ops, Set<float[]> pinned, boolean share) {
        Map<float[], Integer> last = new IdentityHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            for (float[] a : ops.get(i).arrays()) {
                if (sizes.containsKey(a)) {
                    last.put(a, i);
                }
            }
        }
        Map<float[], float[]> real = new IdentityHashMap<>();
        for (float[] p : pinned) {
            real.put(p, new float[sizes.get(p)]);
        }
        List<float[]> free = new ArrayList<>();
        List<float[]> dying = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            for (float[] a : ops.get(i).arrays()) {
                if (sizes.containsKey(a) && !real.containsKey(a)) {
                    real.put(a, share ? take(free, sizes.get(a)) : new float[sizes.get(a)]);
                }
            }
            // Freed only after the launch: its inputs and outputs must never share an array.
            for (float[] a : ops.get(i).arrays()) {
                if (sizes.containsKey(a) && last.get(a) == i && !pinned.contains(a) && !dying.contains(a)) {
                    dying.add(a);
                }
            }
            for (float[] a : dying) {
                free.add(real.get(a));
            }
            dying.clear();
        }
        for (float[] p : sizes.keySet()) {
            real.computeIfAbsent(p, k -> new float[sizes.get(k)]);
        }
        return real;
    }

    /** The smallest free array that fits, or a new one. */
    private static float[] take(List<float[]> free, int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).length >= size && (best < 0 || free.get(i).length < free.get(best).length)) {
                best = i;
            }
        }
        return best >= 0 ? free.remove(best) : new float[size];
    }
}
