package bgnet.tornado;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * For every activation array (a host object standing for a device buffer) (shared by tensors whose lifetimes do not overlap): the first and last segment that
 * touches it and the last one that writes it. This decides where a buffer is allocated, which
 * segments hand it on on the device, and where a copy back to the host belongs.
 */
final class BufferUse {
    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int LAST_WRITE = 2;

    private final Map<Object, int[]> spans = new IdentityHashMap<>();
    private final List<Object> order = new ArrayList<>();

    private BufferUse() {
    }

    static BufferUse of(List<? extends Segments.Segment<?>> segments) {
        BufferUse use = new BufferUse();
        for (int s = 0; s < segments.size(); s++) {
            for (DeviceOp<?> op : segments.get(s).ops()) {
                for (Object a : op.reads()) {
                    use.touch(a, s, false);
                }
                for (Object a : op.outputs()) {
                    use.touch(a, s, true);
                }
            }
        }
        return use;
    }

    private void touch(Object buffer, int segment, boolean write) {
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
    List<Object> buffers() {
        return order;
    }

    boolean contains(Object buffer) {
        return spans.containsKey(buffer);
    }

    int first(Object buffer) {
        return spans.get(buffer)[FIRST];
    }

    int last(Object buffer) {
        return spans.get(buffer)[LAST];
    }

    /** The last segment that writes the buffer, -1 for one that is only read (an input image). */
    int lastWrite(Object buffer) {
        return spans.get(buffer)[LAST_WRITE];
    }
}
