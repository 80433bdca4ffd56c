package bgnet.model.backend;

/**
 * Where a device backend's kernel preparation went, for the set-up split of bench, compare and live.
 *
 * @param compileMs the device compiler's own time (TornadoVM: Graal turning Java into kernels); 0 when
 *                  every kernel came from a cache
 * @param driverMs  the rest of preparing the kernels: the device driver's builds and, with a kernel
 *                  cache, reading the cached kernels
 * @param cache     what the kernel cache did: "hit", "miss" (kernels compiled, entry written on the first
 *                  run), "refused" (an entry that could not be used: compiled and rewritten) or "off"
 */
public record KernelSetup(double compileMs, double driverMs, String cache) {
}
