package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.AccessorParameters;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoTaskGraphInterface;
import uk.ac.manchester.tornado.api.common.TaskPackage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TaskGraph that sees every task added to it, whatever code adds it ({@code task(id, Class::method,
 * args...)} of any arity): it remembers each task's arguments, so that the kernels TornadoVM compiles
 * for them can be cached and, given a cache entry, checks each task against its cached record. A task
 * that does not match (other argument shapes, a task the entry lacks) throws
 * {@link StaleEntryException} before anything is compiled. The tasks themselves stay TornadoVM's own
 * (same data flow as without a cache); {@link ChainKernels#install} hands TornadoVM the cached kernels.
 */
public final class CachingTaskGraph extends TaskGraph {
    private final int index;
    private final CacheEntry entry;
    private final List<Added> added = new ArrayList<>();
    private TornadoTaskGraphInterface runtimeGraph;

    /** A task as it was added: its id and its arguments (the kernel's parameters, in order). */
    record Added(String id, Object[] args) {
    }

    /**
     * @param index the graph's position in its chain (how the entry names its tasks)
     * @param entry the cached kernels to build the tasks from, or null to compile them
     */
    public CachingTaskGraph(String name, int index, CacheEntry entry) {
        super(name);
        this.index = index;
        this.entry = entry;
        TornadoTaskGraphInterface real = taskGraphImpl;
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("addTask") && args != null && args.length == 1
                    && args[0] instanceof TaskPackage p && !p.isPrebuiltTask()) {
                add(real, p);
                return null;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        taskGraphImpl = (TornadoTaskGraphInterface) Proxy.newProxyInstance(TornadoTaskGraphInterface.class.getClassLoader(),
                new Class<?>[] {TornadoTaskGraphInterface.class}, handler);
    }

    private void add(TornadoTaskGraphInterface real, TaskPackage p) {
        Object[] params = p.getTaskParameters();
        Object[] args = Arrays.copyOfRange(params, 1, params.length);
        added.add(new Added(p.getId(), args));
        if (entry != null) {
            TaskRecord r = entry.task(index, p.getId());
            if (r == null) {
                throw new StaleEntryException("graph " + index + " has a task " + p.getId() + " the entry lacks");
            }
            List<String> shapes = Arrays.stream(args).map(ArgShape::of).toList();
            if (!shapes.equals(r.args())) {
                throw new StaleEntryException("task " + p.getId() + " takes " + shapes + ", the entry has " + r.args());
            }
            // Its kernel comes from the entry: TornadoVM needs no sketch (Graal graph) of its method.
            CachedSketches.seed(params[0], r.accesses());
        }
        real.addTask(p);
    }

    /** Id of the empty prebuilt task that ends a graph built from a cache entry ({@link EndTask}). */
    public static final String END_TASK = "bgnet_end";

    @Override
    public ImmutableTaskGraph snapshot() {
        if (entry != null && !added.isEmpty()) {
            // TornadoVM 5.2 always compiles the last task of a graph (for FPGAs), cached or not: end with a
            // prebuilt task that does nothing, so that every real task takes its kernel from the cache.
            prebuiltTask(END_TASK, EndTask.ENTRY_POINT, EndTask.file().toString(), new AccessorParameters(0));
        }
        ImmutableTaskGraph snapshot = super.snapshot();
        try {
            runtimeGraph = TornadoInternals.runtimeGraph(snapshot);
        } catch (UnsupportedOperationException e) {
            runtimeGraph = null; // nothing to harvest from: the chain runs, uncached
        }
        return snapshot;
    }

    int index() {
        return index;
    }

    /** The tasks added, in order. */
    List<Added> added() {
        return added;
    }

    /** Built from cached kernels (no task of it goes through Graal). */
    public boolean prebuilt() {
        return entry != null;
    }

    /** The graph TornadoVM runs for the last snapshot (null before {@link #snapshot()}). */
    public TornadoTaskGraphInterface runtimeGraph() {
        return runtimeGraph;
    }
}
