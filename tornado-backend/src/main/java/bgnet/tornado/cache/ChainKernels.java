package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.WorkerGrid;
import uk.ac.manchester.tornado.api.common.Access;
import uk.ac.manchester.tornado.api.common.SchedulableTask;
import uk.ac.manchester.tornado.api.runtime.TaskContextInterface;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernels of a chain of {@link CachingTaskGraph}s, both ways: collected after TornadoVM compiled
 * and ran them (source, entry point, accesses, launch grid), and the grids a chain built from a cache
 * entry needs (a prebuilt task runs on one thread unless the plan's GridScheduler gives it a grid).
 */
public final class ChainKernels {
    private static final Pattern OPENCL_KERNEL = Pattern.compile("__kernel\\s+void\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private ChainKernels() {
    }

    /** What an entry holds: the task records and the kernel sources they name. */
    public record Harvest(List<TaskRecord> tasks, Map<String, byte[]> sources) {
    }

    /**
     * Gives every task of a chain built from {@code entry} its cached grid in {@code grids}; a grid the
     * chain set itself must equal the cached one, and the chain must hold exactly the entry's tasks.
     */
    public static void completeGrids(CacheEntry entry, List<CachingTaskGraph> graphs, List<String> names,
                                     GridScheduler grids) {
        int tasks = 0;
        for (int k = 0; k < graphs.size(); k++) {
            for (CachingTaskGraph.Added a : graphs.get(k).added()) {
                TaskRecord r = entry.task(graphs.get(k).index(), a.id());
                String full = names.get(k) + "." + a.id();
                WorkerGrid own = grids.get(full);
                if (own != null && !r.sameGrid(own)) {
                    throw new StaleEntryException("task " + a.id() + " has another launch grid than the cached one");
                }
                if (own == null) {
                    grids.addWorkerGrid(full, r.grid());
                }
                tasks++;
            }
        }
        for (String name : names) {
            WorkerGrid one = new uk.ac.manchester.tornado.api.WorkerGrid1D(1);
            one.setLocalWorkToNull();
            grids.addWorkerGrid(name + "." + CachingTaskGraph.END_TASK, one);
        }
        if (tasks != entry.tasks().size()) {
            throw new StaleEntryException("the chain has " + tasks + " tasks, the entry " + entry.tasks().size());
        }
    }

    /**
     * Reads back, after the first run of plan {@code planId}, what launching every task without
     * TornadoVM's compiler needs. Throws {@link UnsupportedOperationException} where this TornadoVM or
     * backend does not show it (nothing is cached then).
     */
    public static Harvest collect(List<CachingTaskGraph> graphs, List<String> names, GridScheduler grids, long planId) {
        List<TaskRecord> records = new ArrayList<>();
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (int k = 0; k < graphs.size(); k++) {
            CachingTaskGraph g = graphs.get(k);
            if (g.runtimeGraph() == null) {
                throw new UnsupportedOperationException("graph " + names.get(k) + " was not snapshotted");
            }
            for (CachingTaskGraph.Added a : g.added()) {
                String full = names.get(k) + "." + a.id();
                SchedulableTask t = g.runtimeGraph().getTask(full);
                if (t == null) {
                    throw new UnsupportedOperationException("task " + full + " not found in TornadoVM's graph");
                }
                byte[] source = TornadoInternals.kernelSource(t, planId);
                String file = Sha256.hex(source) + ".cl";
                sources.put(file, source);
                Access[] accesses = t.getArgumentsAccess();
                if (accesses.length != a.args().length) {
                    throw new UnsupportedOperationException("task " + full + ": " + accesses.length
                            + " accesses for " + a.args().length + " arguments");
                }
                WorkerGrid own = grids.get(full);
                long[] global;
                long[] local;
                if (own != null) {
                    global = Arrays.copyOf(own.getGlobalWork(), own.dimension());
                    local = own.getLocalWork() == null ? null : Arrays.copyOf(own.getLocalWork(), own.dimension());
                } else {
                    TaskContextInterface meta = t.meta();
                    if (meta.getGlobalWork() == null || meta.getGlobalWork().length == 0) {
                        throw new UnsupportedOperationException("task " + full + " has no launch grid (not parallel?)");
                    }
                    global = meta.getGlobalWork().clone();
                    local = meta.getLocalWork() == null || TornadoInternals.driverPicksGroups(meta) ? null
                            : Arrays.copyOf(meta.getLocalWork(), global.length);
                }
                records.add(new TaskRecord(g.index(), a.id(), entryPoint(source, full), file, List.of(accesses),
                        global, local, Arrays.stream(a.args()).map(ArgShape::of).toList()));
            }
        }
        return new Harvest(records, sources);
    }

    /**
     * Puts every cached kernel into TornadoVM's code cache of plan {@code planId}, under the task id and
     * entry point TornadoVM looks up before it compiles a task: the driver builds them from source (its
     * own cache makes that quick) and Graal never runs for them.
     */
    public static void install(CacheEntry entry, List<CachingTaskGraph> graphs, List<String> names, long planId,
                               Object device) {
        Map<String, SchedulableTask> built = new java.util.HashMap<>();
        for (int k = 0; k < graphs.size(); k++) {
            CachingTaskGraph g = graphs.get(k);
            if (g.runtimeGraph() == null) {
                throw new UnsupportedOperationException("graph " + names.get(k) + " was not snapshotted");
            }
            for (CachingTaskGraph.Added a : g.added()) {
                String full = names.get(k) + "." + a.id();
                SchedulableTask t = g.runtimeGraph().getTask(full);
                TaskRecord r = entry.task(g.index(), a.id());
                SchedulableTask same = built.get(r.kernel() + "/" + r.entryPoint());
                if (same != null && TornadoInternals.shareKernel(device, planId, same, t, r.entryPoint())) {
                    continue;
                }
                built.putIfAbsent(r.kernel() + "/" + r.entryPoint(), t);
                byte[] source;
                try {
                    source = java.nio.file.Files.readAllBytes(entry.kernelFile(r));
                } catch (java.io.IOException e) {
                    throw new StaleEntryException("kernel " + r.kernel() + " unreadable: " + e.getMessage());
                }
                TornadoInternals.installKernel(device, planId, t, r.entryPoint(), source);
            }
        }
    }

    /** The kernel's name in an OpenCL C source with exactly one kernel. */
    static String entryPoint(byte[] source, String task) {
        Matcher m = OPENCL_KERNEL.matcher(new String(source, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new UnsupportedOperationException("task " + task + ": no OpenCL kernel in its source");
        }
        String name = m.group(1);
        if (m.find()) {
            throw new UnsupportedOperationException("task " + task + ": more than one kernel in its source");
        }
        return name;
    }
}
