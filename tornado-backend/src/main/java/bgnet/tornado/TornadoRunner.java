package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.DeviceTimes;
import bgnet.model.backend.KernelSetup;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.StageTimes;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Tensor;
import bgnet.tornado.cache.CacheEntry;
import bgnet.tornado.cache.StaleEntryException;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.TornadoProfilerResult;
import uk.ac.manchester.tornado.api.common.TornadoDevice;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One program's chain of TaskGraphs in one execution plan on one device, executed graph by graph
 * (each hands its buffers to the next on the device). Per run only the images go in and the
 * disparity (and the confidence, where planned) comes out, plus the named intermediates when
 * {@link BackendOptions#copyNamed()} asks;
 * the runner owns the arrays ({@link ProgramArrays}) and frees them with the plan.
 * <p>
 * Kernels come from the kernel cache where it holds this program's ({@link ProgramKernelCache}); else
 * TornadoVM compiles them and the first run writes the entry. An entry that cannot be used (stale, or a
 * kernel the driver refuses) means compiling as without a cache, with one line on stderr.
 */
final class TornadoRunner implements ProgramRunner {
    private final NetworkProgram program;
    private final TornadoDevice device;
    private final BackendOptions options;
    private final DeviceGrids profile;
    private final ProgramKernelCache cache;
    private PreparedChain prepared;
    /** The cache entry the kernels came from (null: compiled). */
    private CacheEntry entry;
    private boolean ranOnce;
    private ProgramGraphs.Chain chain;
    private List<ProgramGraphs.Graph> graphs;
    private TornadoExecutionPlan plan;
    private String cacheOutcome;
    /** Write the cache entry after the next successful run (the launch grids are known then). */
    private boolean storeAfterRun;
    /** The disparity handed out by {@link #run}: the runner's, overwritten by the next run. */
    private final float[] disparity;
    /** The confidence handed out by {@link #confidence()}; null when the program has none. */
    private final float[] confidence;
    private final String description;
    private final boolean copyNamed;
    private final boolean profiling;
    private DeviceTimes last;
    private final Map<String, Long> taskKernelNanos = new HashMap<>();

    TornadoRunner(NetworkProgram program, TornadoDevice device, BackendOptions options, String description) {
        this.program = program;
        this.device = device;
        this.options = options;
        this.profile = DeviceGrids.forDevice(device);
        this.disparity = new float[program.disparity().size()];
        this.confidence = program.hasConfidence() ? new float[program.confidence().size()] : null;
        this.copyNamed = options.copyNamed();
        this.description = description;
        this.profiling = options.profile();
        this.cache = ProgramKernelCache.open(options, device, program, profile, System.err);
        CacheEntry found = cache == null ? null : cache.lookup().orElse(null);
        cacheOutcome = cache == null ? "off" : found == null ? "miss" : "hit";
        if (found != null) {
            try {
                use(TornadoNotices.quiet(() -> new PreparedChain(program, device, options, profile, found)));
                entry = found;
                return;
            } catch (StaleEntryException e) {
                cache.refused(found, "stale: " + e.getMessage());
            } catch (RuntimeException e) {
                cache.refused(found, "a cached kernel failed to build: " + e);
            }
            cacheOutcome = "refused";
        }
        use(TornadoNotices.quiet(() -> new PreparedChain(program, device, options, profile, null)));
        storeAfterRun = cache != null;
    }

    private void use(PreparedChain p) {
        prepared = p;
        chain = p.chain;
        graphs = p.graphs;
        plan = p.plan;
    }

    @Override
    public float[] run(float[] left, float[] right) {
        return run(left, right, null);
    }

    /** Each graph holds one stage's ops (or part of them), so a stage's time is its graphs' wall time. */
    @Override
    public float[] run(float[] left, float[] right, StageTimes times) {
        float[] out;
        try {
            out = runOnce(left, right, times);
        } catch (RuntimeException e) {
            if (entry == null || ranOnce) {
                throw e;
            }
            // A cached kernel that built but cannot launch: compile as without the cache and run again.
            cache.refused(entry, "a cached kernel failed to run: " + e);
            entry = null;
            prepared.close();
            cacheOutcome = "refused";
            use(TornadoNotices.quiet(() -> new PreparedChain(program, device, options, profile, null)));
            storeAfterRun = true;
            out = runOnce(left, right, times);
        }
        ranOnce = true;
        if (storeAfterRun) {
            storeAfterRun = false;
            storeEntry();
        }
        return out;
    }

    private float[] runOnce(float[] left, float[] right, StageTimes times) {
        chain.arrays().write(program.left(), left);
        chain.arrays().write(program.right(), right);
        long[] sums = new long[8];
        if (profiling) {
            taskKernelNanos.clear();
        }
        TornadoExecutionResult result = null;
        for (int k = 0; k < graphs.size(); k++) {
            long t0 = System.nanoTime();
            result = plan.withGraph(k).execute();
            if (times != null) {
                times.add(graphs.get(k).stage(), System.nanoTime() - t0);
            }
            if (profiling) {
                add(sums, result.getProfilerResult(), graphs.get(k).name());
            }
        }
        if (profiling) {
            last = new DeviceTimes(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
            if (times != null) {
                addOpTimes(times);
            }
        }
        if (copyNamed && result != null) {
            fetchNamed(result);
        }
        chain.arrays().read(program.disparity(), disparity);
        if (confidence != null) {
            chain.arrays().read(program.confidence(), confidence);
        }
        return disparity;
    }

    @Override
    public float[] confidence() {
        if (confidence == null) {
            throw new IllegalStateException("this program was planned without the confidence map");
        }
        return confidence;
    }

    /** Writes this chain's cache entry; a TornadoVM that hides its kernels just leaves the cache empty. */
    private void storeEntry() {
        try {
            cache.store(prepared.harvest());
        } catch (UnsupportedOperationException e) {
            System.err.println("bgnet: kernel cache: this TornadoVM does not show its kernels (" + e.getMessage()
                    + "); running without the cache");
        }
    }

    @Override
    public Optional<KernelSetup> kernelSetup() {
        return Optional.of(new KernelSetup(prepared.compileMs, prepared.driverMs, cacheOutcome));
    }

    /** Each op's device kernel time: the sum over its tasks, from the profiler. */
    private void addOpTimes(StageTimes times) {
        for (ProgramGraphs.Graph g : graphs) {
            for (int t = 0; t < g.tasks().size(); t++) {
                Long ns = taskKernelNanos.get(g.tasks().get(t));
                if (ns != null) {
                    times.addOp(g.opIndex().get(t), ns);
                }
            }
        }
    }

    @Override
    public float[] named(String name) {
        if (!copyNamed) {
            throw new IllegalStateException("intermediates stay on the device unless BackendOptions.copyNamed() is set");
        }
        Tensor t = program.tensor(name);
        float[] copy = new float[t.size()];
        chain.arrays().read(t, copy);
        return copy;
    }

    /**
     * Copies the named intermediates back, each through the graph that allocated it (on-demand copies
     * go through the plan's selected graph, and only the allocating graph holds the buffer as its own).
     */
    private void fetchNamed(TornadoExecutionResult result) {
        for (int k = 0; k < graphs.size(); k++) {
            List<Object> buffers = graphs.get(k).fetchable();
            if (!buffers.isEmpty()) {
                plan.withGraph(k);
                result.transferToHost(buffers.toArray());
            }
        }
    }

    @Override
    public Optional<DeviceTimes> deviceTimes() {
        return Optional.ofNullable(last);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        prepared.close();
    }

    /** Task id → device kernel nanoseconds in the last run (empty unless profiling). */
    Map<String, Long> taskKernelNanos() {
        return taskKernelNanos;
    }

    /** Every task id, in program order. */
    Set<String> taskNames() {
        Set<String> names = new LinkedHashSet<>();
        graphs.forEach(g -> names.addAll(g.tasks()));
        return names;
    }

    /** Every object sent to the device once (weights, parameters), for tests. */
    List<Object> constants() {
        return chain.constants();
    }

    int graphCount() {
        return graphs.size();
    }

    /** The arrays the chain runs over (which are host-backed, for tests and reports). */
    ProgramArrays<?> arrays() {
        return chain.arrays();
    }

    private void add(long[] sums, TornadoProfilerResult p, String graphName) {
        sums[0] += p.getTotalTime();
        sums[1] += p.getDeviceKernelTime();
        sums[2] += p.getDeviceWriteTime();
        sums[3] += p.getDeviceReadTime();
        sums[4] += p.getKernelDispatchTime() + p.getDataTransferDispatchTime();
        sums[5] += p.getCompileTime();
        sums[6] += p.getTotalBytesCopyIn();
        sums[7] += p.getTotalBytesCopyOut();
        taskKernelNanos.putAll(ProfileLog.kernelNanos(p.getProfileLog(), graphName));
        taskKernelNanos.remove(bgnet.tornado.cache.CachingTaskGraph.END_TASK);
    }
}
