package bgnet.model.backend;

/**
 * One place a forward pass can run, as `bgnet devices` lists it.
 *
 * @param id          what --device takes, e.g. "0:0" (TornadoVM backend:index) or "jvm"
 * @param name        the device's own name, e.g. "pthread-skylake-avx512-AMD EPYC"
 * @param type        CPU, GPU, ACCELERATOR, ...
 * @param memoryBytes global memory the device reports (the heap limit for the JVM)
 */
public record DeviceInfo(String id, String name, String type, long memoryBytes) {
}
