package bgnet.model.backend;

/**
 * A device's own account of one forward pass (TornadoVM's profiler), in nanoseconds: where the time
 * went besides the wall clock. Compile time is non-zero only on the run that compiled the kernels.
 *
 * @param totalNanos    the whole execution as the runtime measured it
 * @param kernelNanos   kernels running on the device
 * @param copyInNanos   host → device copies
 * @param copyOutNanos  device → host copies
 * @param dispatchNanos launching kernels and copies (host side)
 * @param compileNanos  JIT + driver compilation
 * @param bytesIn       bytes copied to the device
 * @param bytesOut      bytes copied back
 */
public record DeviceTimes(long totalNanos, long kernelNanos, long copyInNanos, long copyOutNanos,
                          long dispatchNanos, long compileNanos, long bytesIn, long bytesOut) {
}
