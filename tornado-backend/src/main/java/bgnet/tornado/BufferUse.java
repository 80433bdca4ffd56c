package bgnet.tornado;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * For every activation array (shared by tensors whose lifetimes do not overlap): the first and last segment that
 * touches it and the last one that writes it. This decides where a buffer is allocated, which
 * segments hand it on on the device, and where a copy back to the host belongs.
 */
final class BufferUse {
    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int LAST_WRITE = 2;

    private final Map<float[], int[]> spans = new IdentityHashMap<>();
    private final List<float[]> order = new ArrayList<>();

    private BufferUse() {
    }

    static BufferUse of(List<Segments.Segment> segments) {
        BufferUse use = new BufferUse();
        for (int s = 0; s < segments.size(); s++) {
            for (BoundOp op : segments.get(s).ops()) {
                for (float[] a : op.reads()) {
                    use.touch(a, s, false);
                }
                use.touch(op.writes(), s, true);
            }
        }
        return use;
    }

    private void touch(float[] buffer, int segment, boolean write) {
        int[] span = spans.get(buffer);
        if (span == null) {
            span = new int[] {segment, segment, -1};
            spans.put(buffer, span);
            order.add(buffer);
        }
        span[LAST] = segment;
        if (write) {
            span[LAST_WRITE] = segment;
        }
    }

    /** Buffers in order of first use. */
    List<float[]> buffers() {
        return order;
    }

    boolean contains(float[] buffer) {
        return spans.containsKey(buffer);
    }

    int first(float[] buffer) {
        return spans.get(buffer)[FIRST];
    }

    int last(float[] buffer) {
        return spans.get(buffer)[LAST];
    }

    /** The last segment that writes the buffer, -1 for one that is only read (an input image). */
    int lastWrite(float[] buffer) {
        return spans.get(buffer)[LAST_WRITE];
    }
}
