package bgnet.tornado;

import bgnet.model.backend.HeapBuffers;
import bgnet.model.backend.KernelTier;
import bgnet.model.network.Conv;
import bgnet.model.network.Op;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Stage;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link NetworkProgram} as a chain of TaskGraphs (one per {@link Segments segment}), meant to run in
 * order in one execution plan on one device. With the fast tier each convolution the device tier serves
 * is a staging task and a register-blocked kernel ({@link BlockedConvTask}, its launch geometry in the
 * chain's {@link GridScheduler}); every other op, and everything with the reference tier, is one
 * @Parallel task around its reference kernel ({@link ReferenceTask}). Data movement per forward pass:
 * <ul>
 * <li>weights, biases and each op's int parameters: to the device on the first execution only;</li>
 * <li>the two images: in every execution, by the first graph that reads them;</li>
 * <li>activations never leave the device: the first graph that touches an array allocates it and
 * keeps it ({@code persistOnDevice}); every later graph up to its last reader consumes it from the
 * graph before ({@code consumeFromDevice}), because TornadoVM hands buffers on only from the graph
 * executed just before. Only the allocating graph declares the array as its own, so that closing
 * the plan frees every buffer once;</li>
 * <li>the disparity comes back in every execution; the program's named intermediates can be
 * fetched on demand through their allocating graph ({@link Graph#fetchable()}).</li>
 * </ul>
 * TornadoVM binds every device buffer to a host array; those of activations are shared by liveness
 * ({@link HeapBuffers}) and never copied.
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
                 List<float[]> fetchable) {
    }

    /**
     * The chain, its launch geometry (empty for the reference tier) and the host arrays behind the
     * program's inputs, output and named tensors.
     */
    record Chain(List<Graph> graphs, GridScheduler grids, boolean hasGrids, float[] left, float[] right,
                 float[] disparity, Map<String, float[]> named, List<Object> constants) {
    }

    private ProgramGraphs() {
    }

    static Chain of(NetworkProgram program, KernelTier tier, DeviceGrids profile) {
        HeapBuffers buffers = new HeapBuffers(program, true);
        List<DeviceOp> deviceOps = new ArrayList<>();
        for (Op op : program.ops()) {
            deviceOps.add(deviceOp(BoundOp.of(op, buffers), tier, profile));
        }
        String prefix = "bgnet" + PROGRAMS.incrementAndGet() + "_";
        List<Segments.Segment> segments = Segments.split(deviceOps);
        GridScheduler grids = new GridScheduler();
        boolean hasGrids = false;
        List<Object> constants = new ArrayList<>();
        BufferUse use = BufferUse.of(segments);
        Map<String, float[]> named = new LinkedHashMap<>();
        program.named().forEach((name, t) -> named.put(name, buffers.of(t)));
        Set<float[]> namedArrays = identitySet(named.values());
        float[] left = buffers.of(program.left());
        float[] right = buffers.of(program.right());
        float[] disparity = buffers.of(program.disparity());
        Set<float[]> inputs = identitySet(List.of(left, right));

        TaskNames names = new TaskNames();
        List<Graph> graphs = new ArrayList<>();
        int opIndex = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segments.Segment segment = segments.get(s);
            String name = prefix + s + "_" + segment.stage().name().toLowerCase();
            TaskGraph g = new TaskGraph(name);
            constants.addAll(declareConstants(g, segment));
            List<Object> streamIn = new ArrayList<>();
            List<Object> consumed = new ArrayList<>();
            List<Object> allocated = new ArrayList<>();
            List<float[]> fetchable = new ArrayList<>();
            for (float[] b : use.buffers()) {
                int first = use.first(b);
                if (first == s && inputs.contains(b)) {
                    streamIn.add(b);
                }
                if (first < s && s <= use.last(b)) {
                    consumed.add(b);
                }
                // Images and disparity used only here are declared by their copy; the rest is allocated here.
                boolean io = inputs.contains(b) || b == disparity;
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
            float[] scratch = scratchLength > 0 ? new float[scratchLength] : null;
            if (scratch != null) {
                allocated.add(scratch);
            }
            List<String> tasks = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            DeviceOp previous = null;
            for (DeviceOp op : segment.ops()) {
                if (op instanceof BlockedConvTask blocked) {
                    blocked.followOn(previous);
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
            graphs.add(new Graph(name, segment.stage(), g.snapshot(), List.copyOf(tasks), List.copyOf(owners),
                    List.copyOf(fetchable)));
        }
        return new Chain(List.copyOf(graphs), grids, hasGrids, left, right, disparity, named, List.copyOf(constants));
    }

    /** The fast tier's form of an op where it has one, else its reference task. */
    private static DeviceOp deviceOp(BoundOp bound, KernelTier tier, DeviceGrids profile) {
        if (tier == KernelTier.FAST && bound.op() instanceof Conv) {
            BlockedConvTask blocked = BlockedConvTask.of(bound, profile);
            if (blocked != null) {
                return blocked;
            }
        }
        return new ReferenceTask(bound);
    }

    /** Weights, biases and int parameters of this segment's ops: copied once, on the first execution. */
    private static Set<Object> declareConstants(TaskGraph g, Segments.Segment segment) {
        Set<Object> once = Collections.newSetFromMap(new IdentityHashMap<>());
        for (DeviceOp op : segment.ops()) {
            once.addAll(op.constants());
        }
        g.transferToDevice(DataTransferMode.FIRST_EXECUTION, once.toArray());
        return once;
    }

    private static Set<float[]> identitySet(java.util.Collection<float[]> arrays) {
        Set<float[]> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(arrays);
        return set;
    }
}
