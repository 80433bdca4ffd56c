package bgnet.tornado;

import bgnet.model.backend.BackendOptions;
import bgnet.model.network.NetworkProgram;
import bgnet.tornado.cache.CacheEntry;
import bgnet.tornado.cache.CachedSketches;
import bgnet.tornado.cache.CachingTaskGraph;
import bgnet.tornado.cache.ChainKernels;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoTaskGraphInterface;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.ProfilerMode;
import uk.ac.manchester.tornado.api.exceptions.TornadoExecutionPlanException;

import java.util.List;

/**
 * A program's chain of TaskGraphs in one execution plan on one device, with every kernel prepared:
 * compiled by TornadoVM, or, given a cache entry, built from the cached kernels. Keeps how long the
 * kernels took (TornadoVM's compiler and the rest), which the profiler reports per graph.
 */
final class PreparedChain implements AutoCloseable {
    final ProgramGraphs.Chain chain;
    final List<ProgramGraphs.Graph> graphs;
    final TornadoExecutionPlan plan;
    final boolean fromCache;
    final double compileMs;
    final double driverMs;

    PreparedChain(NetworkProgram program, TornadoDevice device, BackendOptions options, DeviceGrids profile,
                  CacheEntry entry) {
        this.chain = ProgramGraphs.of(program, options.kernels(), profile, options.copyNamed(),
                (index, name) -> new CachingTaskGraph(name, index, entry));
        this.graphs = chain.graphs();
        this.fromCache = entry != null;
        TornadoExecutionPlan p = null;
        try {
            if (entry != null) {
                ChainKernels.completeGrids(entry, builders(), names(), chain.grids());
            }
            p = new TornadoExecutionPlan(graphs.stream().map(ProgramGraphs.Graph::graph).toArray(ImmutableTaskGraph[]::new));
            p.withDevice(device);
            if (chain.hasGrids() || entry != null) {
                p.withGridScheduler(chain.grids());
            }
            if (options.profile()) {
                p.withProfiler(ProfilerMode.SILENT);
            }
            long t0 = System.nanoTime();
            if (entry != null) {
                long planId = p.getId();
                TornadoNotices.holdErrors(() -> ChainKernels.install(entry, builders(), names(), planId, device));
            }
            // Every kernel is prepared here, so that the first frame is a frame like the rest.
            TornadoExecutionPlan plan = p;
            if (entry != null) {
                CachedSketches.preparingCachedChain(plan::withPreCompilation);
            } else {
                plan.withPreCompilation();
            }
            double allMs = (System.nanoTime() - t0) / 1e6;
            // Compiled: TornadoVM's compile, its driver builds included. Cached: only the driver's builds.
            this.compileMs = entry == null ? allMs : 0;
            this.driverMs = entry == null ? 0 : allMs;
            this.plan = p;
        } catch (RuntimeException | Error e) {
            closeQuietly(p);
            chain.arrays().close();
            throw e;
        }
    }

    List<CachingTaskGraph> builders() {
        return graphs.stream().map(g -> (CachingTaskGraph) g.builder()).toList();
    }

    List<String> names() {
        return graphs.stream().map(ProgramGraphs.Graph::name).toList();
    }

    /** What a cache entry for this chain holds, read back after its first run. */
    ChainKernels.Harvest harvest() {
        return ChainKernels.collect(builders(), names(), chain.grids(), plan.getId());
    }

    @Override
    public void close() {
        try {
            plan.withAllGraphs();
            plan.close();
        } catch (TornadoExecutionPlanException e) {
            throw new IllegalStateException("freeing device memory failed: " + e.getMessage(), e);
        } finally {
            chain.arrays().close();
        }
    }

    private static void closeQuietly(TornadoExecutionPlan p) {
        if (p != null) {
            try {
                p.close();
            } catch (TornadoExecutionPlanException | RuntimeException ignored) {
                // the failure that brought us here is the one to report
            }
        }
    }
}
