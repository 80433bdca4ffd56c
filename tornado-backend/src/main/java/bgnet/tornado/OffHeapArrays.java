package bgnet.tornado;

import bgnet.model.backend.MemoryPlan;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Tensor;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;

/**
 * The device tier's arrays: TornadoVM's off-heap {@link FloatArray}s, one per liveness slot
 * ({@link MemoryPlan}). Only the slots the host reads or writes hold host memory: the two images, the
 * disparity, the confidence where the program has one and, when the runner copies them back, the named
 * intermediates. Every other activation,
 * and the staging scratch, is device-only: its host stand-in comes from {@link DeviceOnlyMemory}, so
 * the host keeps no copy of it.
 */
final class OffHeapArrays implements ProgramArrays<FloatArray> {
    private final MemoryPlan plan;
    private final FloatArray[] slots;
    private final boolean[] hostBacked;
    private final DeviceOnlyMemory deviceOnly = new DeviceOnlyMemory();

    OffHeapArrays(NetworkProgram program, boolean copyNamed) {
        this.plan = MemoryPlan.of(program, true);
        Set<Integer> host = new HashSet<>();
        host.add(plan.slot(program.left()));
        host.add(plan.slot(program.right()));
        host.add(plan.slot(program.disparity()));
        if (program.hasConfidence()) {
            host.add(plan.slot(program.confidence()));
        }
        if (copyNamed) {
            program.named().values().forEach(t -> host.add(plan.slot(t)));
        }
        slots = new FloatArray[plan.slotCount()];
        hostBacked = new boolean[plan.slotCount()];
        for (int s = 0; s < slots.length; s++) {
            hostBacked[s] = host.contains(s);
            int size = plan.slotSizes()[s];
            slots[s] = hostBacked[s] ? new FloatArray(size) : deviceOnly.floats(size);
        }
    }

    @Override
    public FloatArray of(Tensor t) {
        return slots[plan.slot(t)];
    }

    @Override
    public FloatArray scratch(int floats) {
        return deviceOnly.floats(floats);
    }

    @Override
    public FloatArray standIn() {
        return new FloatArray(1);
    }

    /** Whether {@code t}'s array has host memory behind it (else it exists on the device only). */
    boolean hostBacked(Tensor t) {
        return hostBacked[plan.slot(t)];
    }

    @Override
    public void write(Tensor t, float[] values) {
        ProgramArrays.requireLength(t, values.length);
        MemorySegment.copy(values, 0, hostSide(t), ValueLayout.JAVA_FLOAT_UNALIGNED, 0, values.length);
    }

    @Override
    public void read(Tensor t, float[] into) {
        MemorySegment.copy(hostSide(t), ValueLayout.JAVA_FLOAT_UNALIGNED, 0, into, 0, into.length);
    }

    @Override
    public long hostBytes() {
        long n = deviceOnly.hostBytes();
        for (int s = 0; s < slots.length; s++) {
            n += hostBacked[s] ? 4L * plan.slotSizes()[s] : 0;
        }
        return n;
    }

    /** The memory behind the device-only arrays (for tests and reports). */
    DeviceOnlyMemory deviceOnly() {
        return deviceOnly;
    }

    @Override
    public void close() {
        deviceOnly.close();
    }

    private MemorySegment hostSide(Tensor t) {
        if (!hostBacked(t)) {
            throw new IllegalStateException("tensor " + t.id() + " lives on the device only");
        }
        return of(t).getSegment();
    }
}
