package bgnet.tornado;

import bgnet.model.backend.KernelTier;
import bgnet.model.network.Conv;
import bgnet.model.network.Op;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;
import bgnet.tornado.device.DeviceConv;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link NetworkProgram} as a chain of TaskGraphs (one per {@link Segments segment}), meant to run in
 * order in one execution plan on one device. On the device tier ({@link KernelTier#FAST}) every op runs
 * over TornadoVM's off-heap arrays ({@link OffHeapArrays}): each convolution as a staging task and a
 * register-blocked kernel ({@link BlockedConvTask}, its launch geometry in the chain's
 * {@link GridScheduler}), every other op as an element task ({@link ElementTask}). On the reference
 * tier every op is one @Parallel task around its reference kernel over heap arrays
 * ({@link ReferenceTask}, {@link HeapArrays}). Data movement per forward pass:
 * <ul>
 * <li>weights, biases and each op's int parameters: to the device on the first execution only;</li>
 * <li>the two images: in every execution, by the first graph that reads them;</li>
 * <li>activations never leave the device: the first graph that touches an array allocates it without
 * copying it in ({@code transferToDevice(UNDER_DEMAND)}) and keeps it ({@code persistOnDevice});
 * every later graph up to its last reader consumes it from the
 * graph before ({@code consumeFromDevice}), because TornadoVM hands buffers on only from the graph
 * executed just before. Only the allocating graph declares the array as its own, so that closing
 * the plan frees every buffer once;</li>
 * <li>the disparity (and the confidence, where planned) comes back in every execution; the program's named intermediates can be
 * fetched on demand through their allocating graph ({@link Graph#fetchable()}).</li>
 * </ul>
 */
final class ProgramGraphs {
    private static final AtomicInteger PROGRAMS = new AtomicInteger();

    /**
     * One TaskGraph of the chain.
     *
     * @param tasks     its task ids, in program order
     * @param opIndex   for each task, the index in the program of the op it belongs to
     * @param fetchable named arrays it allocates, which it can copy back on demand after a run
     */
    record Graph(String name, Stage stage, ImmutableTaskGraph graph, List<String> tasks, List<Integer> opIndex,
                 List<Object> fetchable, TaskGraph builder) {
    }

    /** Makes the chain's TaskGraphs (index: the graph's position in the chain). */
    interface GraphMaker {
        TaskGraph make(int index, String name);

        GraphMaker PLAIN = (index, name) -> new TaskGraph(name);
    }

    /**
     * The chain, its launch geometry (empty for the reference tier), the arrays it runs over and the
     * constants it sends once.
     */
    record Chain(List<Graph> graphs, GridScheduler grids, boolean hasGrids, ProgramArrays<?> arrays,
                 List<Object> constants) {
    }

    private ProgramGraphs() {
    }

    static Chain of(NetworkProgram program, KernelTier tier, DeviceGrids profile, boolean copyNamed) {
        return of(program, tier, profile, copyNamed, GraphMaker.PLAIN);
    }

    static Chain of(NetworkProgram program, KernelTier tier, DeviceGrids profile, boolean copyNamed, GraphMaker maker) {
        if (tier == KernelTier.FAST) {
            OffHeapArrays arrays = new OffHeapArrays(program, copyNamed);
            // Repacking the weights is most of a cached start-up's own work: done on every core.
            List<DeviceConv> convs = program.ops().parallelStream()
                    .map(op -> op instanceof Conv c ? BlockedConvTask.prepare(c, profile) : null).toList();
            List<DeviceOp<FloatArray>> ops = new ArrayList<>();
            for (int i = 0; i < program.ops().size(); i++) {
                ops.add(deviceTierOp(BoundOp.of(program.ops().get(i), arrays), convs.get(i), arrays));
            }
            return chainOrFree(program, arrays, ops, maker);
        }
        HeapArrays arrays = new HeapArrays(program);
        List<DeviceOp<float[]>> ops = new ArrayList<>();
        for (Op op : program.ops()) {
            ops.add(new ReferenceTask(BoundOp.of(op, arrays), arrays));
        }
        return chainOrFree(program, arrays, ops, maker);
    }

    /** The chain; on failure (a stale cache entry, say) the arrays are freed before the error goes on. */
    private static <A> Chain chainOrFree(NetworkProgram program, ProgramArrays<A> arrays, List<DeviceOp<A>> deviceOps,
                                         GraphMaker maker) {
        try {
            return chain(program, arrays, deviceOps, maker);
        } catch (RuntimeException | Error e) {
            arrays.close();
            throw e;
        }
    }

    private static <A> Chain chain(NetworkProgram program, ProgramArrays<A> arrays, List<DeviceOp<A>> deviceOps,
                                   GraphMaker maker) {
        String prefix = "bgnet" + PROGRAMS.incrementAndGet() + "_";
        List<Segments.Segment<A>> segments = Segments.split(deviceOps);
        GridScheduler grids = new GridScheduler();
        boolean hasGrids = false;
        List<Object> constants = new ArrayList<>();
        BufferUse use = BufferUse.of(segments);
        Set<Object> namedArrays = identitySet(program.named().values().stream().map(arrays::of).toList());
        Object disparity = arrays.of(program.disparity());
        Object confidence = program.hasConfidence() ? arrays.of(program.confidence()) : null;
        Set<Object> inputs = identitySet(List.of(arrays.of(program.left()), arrays.of(program.right())));

        TaskNames names = new TaskNames();
        List<Graph> graphs = new ArrayList<>();
        int opIndex = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segments.Segment<A> segment = segments.get(s);
            String name = prefix + s + "_" + segment.stage().name().toLowerCase();
            TaskGraph g = maker.make(s, name);
            constants.addAll(declareConstants(g, segment));
            List<Object> streamIn = new ArrayList<>();
            List<Object> consumed = new ArrayList<>();
            List<Object> allocated = new ArrayList<>();
            List<Object> fetchable = new ArrayList<>();
            for (Object b : use.buffers()) {
                int first = use.first(b);
                if (first == s && inputs.contains(b)) {
                    streamIn.add(b);
                }
                if (first < s && s <= use.last(b)) {
                    consumed.add(b);
                }
                // Images and disparity used only here are declared by their copy; the rest is allocated here.
                boolean io = inputs.contains(b) || b == disparity || b == confidence;
                if (first == s && !(io && use.last(b) == s)) {
                    allocated.add(b);
                    if (namedArrays.contains(b)) {
                        fetchable.add(b);
                    }
                }
            }
            if (!streamIn.isEmpty()) {
                g.transferToDevice(DataTransferMode.EVERY_EXECUTION, streamIn.toArray());
            }
            if (!consumed.isEmpty()) {
                g.consumeFromDevice(graphs.get(s - 1).name(), consumed.toArray());
            }
            // One scratch array per graph, as long as its longest staged input: its convolutions run one after another.
            int scratchLength = segment.ops().stream().mapToInt(DeviceOp::scratchLength).max().orElse(0);
            A scratch = scratchLength > 0 ? arrays.scratch(scratchLength) : null;
            if (scratch != null) {
                allocated.add(scratch);
            }
            // Allocated on the device, never copied in: without this TornadoVM copies a buffer whose first
            // access reads it (a blocked convolution's output) in on the first execution, and the host pages
            // of a device-only array would be read for it. An image streamed in here must keep its copy.
            List<Object> allocateOnly = allocated.stream()
                    .filter(b -> streamIn.stream().noneMatch(in -> in == b)).toList();
            if (!allocateOnly.isEmpty()) {
                g.transferToDevice(DataTransferMode.UNDER_DEMAND, allocateOnly.toArray());
            }
            List<String> tasks = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            DeviceOp<A> previous = null;
            for (DeviceOp<A> op : segment.ops()) {
                if (op instanceof BlockedConvTask blocked) {
                    blocked.followOn(asDeviceTier(previous));
                }
                previous = op;
                for (String task : op.addTasks(g, name, names.next(op.op().name()), scratch, grids)) {
                    tasks.add(task);
                    owners.add(opIndex);
                }
                hasGrids |= op instanceof BlockedConvTask;
                opIndex++;
            }
            if (!allocated.isEmpty()) {
                g.persistOnDevice(allocated.toArray());
            }
            if (use.contains(disparity) && use.first(disparity) == s) {
                g.transferToHost(DataTransferMode.EVERY_EXECUTION, disparity);
            }
            if (confidence != null && use.contains(confidence) && use.first(confidence) == s) {
                g.transferToHost(DataTransferMode.EVERY_EXECUTION, confidence);
            }
            graphs.add(new Graph(name, segment.stage(), g.snapshot(), List.copyOf(tasks), List.copyOf(owners),
                    List.copyOf(fetchable), g));
        }
        return new Chain(List.copyOf(graphs), grids, hasGrids, arrays, List.copyOf(constants));
    }

    /** The previous op, where the chain is the device tier's (the only one with blocked convolutions). */
    @SuppressWarnings("unchecked")
    private static DeviceOp<FloatArray> asDeviceTier(DeviceOp<?> op) {
        return (DeviceOp<FloatArray>) op;
    }

    /** The device tier's form of an op: a blocked convolution, or an element task for the rest. */
    private static DeviceOp<FloatArray> deviceTierOp(BoundOp<FloatArray> bound, DeviceConv conv,
                                                     OffHeapArrays arrays) {
        if (bound.op() instanceof Conv c) {
            BlockedConvTask blocked = BlockedConvTask.of(bound, conv, arrays);
            if (blocked == null) {
                throw new IllegalArgumentException("the device tier has no form for convolution " + c.name()
                        + " (" + c.geometry() + "); use the reference kernels (--kernels reference)");
            }
            return blocked;
        }
        return new ElementTask(bound);
    }

    /** Weights, biases and int parameters of this segment's ops: copied once, on the first execution. */
    private static Set<Object> declareConstants(TaskGraph g, Segments.Segment<?> segment) {
        Set<Object> once = Collections.newSetFromMap(new IdentityHashMap<>());
        for (DeviceOp<?> op : segment.ops()) {
            once.addAll(op.constants());
        }
        g.transferToDevice(DataTransferMode.FIRST_EXECUTION, once.toArray());
        return once;
    }

    private static Set<Object> identitySet(java.util.Collection<?> arrays) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(arrays);
        return set;
    }
}
