package bgnet.tornado;

import bgnet.kernels.CostVolumeKernels;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.KernelTier;
import bgnet.model.network.NetworkProgram;
import bgnet.tornado.cache.BytecodeHash;
import bgnet.tornado.cache.CacheEntry;
import bgnet.tornado.cache.CacheKey;
import bgnet.tornado.cache.ChainKernels;
import bgnet.tornado.cache.EnvironmentKey;
import bgnet.tornado.cache.KernelCache;
import bgnet.tornado.cache.KernelCacheFolder;
import bgnet.tornado.device.DeviceGrids;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.TornadoVMBackendType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel cache entry of one program on one device: its {@link CacheKey} (the machine's parts, then
 * the program's: network, padded size, kernel tier, device profile, the bytecode of the kernels and of
 * the code that makes the tasks) in the folder {@link KernelCacheFolder} picks. Only OpenCL devices
 * on the device tier use it (verified here on PoCL alone); other backends and the reference tier compile.
 */
final class ProgramKernelCache {
    private final KernelCache cache;
    private final CacheKey key;

    private ProgramKernelCache(KernelCache cache, CacheKey key) {
        this.cache = cache;
        this.key = key;
    }

    /** The cache for this program, or null where it is off or the backend is not OpenCL. */
    static ProgramKernelCache open(BackendOptions options, TornadoDevice device, NetworkProgram program,
                                   DeviceGrids profile, PrintStream log) {
        Optional<Path> folder = KernelCacheFolder.resolve(options.kernelCache());
        // The reference tier is left out: its cached kernels give other results than compiled ones although
        // the sources, TornadoVM's bytecodes and launch grids are the same; the first wrong values come from
        // a task in a later graph, only when heap arrays share memory slots (cause not found), so it compiles.
        if (folder.isEmpty() || device.getTornadoVMBackend() != TornadoVMBackendType.OPENCL
                || options.kernels() != KernelTier.FAST) {
            return null;
        }
        Map<String, String> parts = EnvironmentKey.of(device);
        parts.put("network", program.architecture().displayName() + " " + program.width() + "x" + program.height());
        parts.put("tier", options.kernels().name());
        parts.put("profile", profile.toString());
        parts.put("copyNamed", Boolean.toString(options.copyNamed()));
        parts.put("confidence", Boolean.toString(program.hasConfidence()));
        parts.put("bytecode", BytecodeHash.of(TornadoRunner.class, CostVolumeKernels.class));
        return new ProgramKernelCache(new KernelCache(folder.get(), log), CacheKey.of(parts));
    }

    Optional<CacheEntry> lookup() {
        return cache.lookup(key);
    }

    void refused(CacheEntry entry, String why) {
        cache.refused(entry.dir(), why);
    }

    boolean store(ChainKernels.Harvest harvest) {
        return cache.store(key, harvest.tasks(), harvest.sources());
    }

    CacheKey key() {
        return key;
    }

    Path folder() {
        return cache.root();
    }
}
