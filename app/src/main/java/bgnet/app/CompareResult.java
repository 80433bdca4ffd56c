package bgnet.app;

import bgnet.model.backend.KernelSetup;
import bgnet.model.backend.SetupSplit;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One device's row of `bgnet compare`, also its entry in the JSON's {@code results} (the keys are what
 * scripts rely on). Times in milliseconds; {@code setupMs} is preparing the backend, {@code firstRunMs}
 * setup plus the first frame; {@code kernelMs}/{@code copyMs} are the device profiler's per-frame means
 * (NaN without --profile or on the JVM); {@code maxAbsDiff} is against the JVM's disparity (0 for the
 * JVM itself, NaN when there is no reference); {@code stageMs} is the mean time per frame of each stage
 * (by label, in order; empty without --profile). {@code kernels} is a device backend's set-up split
 * (null on the JVM): its keys appear in the JSON only where it is known.
 */
@JsonPropertyOrder({"device", "description", "first_run_ms", "median_ms", "min_ms", "fps", "max_abs_diff_px",
        "kernel_ms", "copy_ms", "stages_ms", "error", "setup_ms", "setup_compile_ms", "setup_driver_ms",
        "setup_other_ms", "kernel_cache"})
record CompareResult(@JsonProperty("device") String id,
                     String description,
                     @JsonProperty("setup_ms") double setupMs,
                     @JsonProperty("first_run_ms") double firstRunMs,
                     @JsonProperty("median_ms") double medianMs,
                     @JsonProperty("min_ms") double minMs,
                     @JsonProperty("max_abs_diff_px") double maxAbsDiff,
                     @JsonProperty("kernel_ms") double kernelMs,
                     @JsonProperty("copy_ms") double copyMs,
                     @JsonProperty("stages_ms") Map<String, Double> stageMs,
                     String error,
                     @JsonIgnore KernelSetup kernels) {

    static CompareResult failed(String id, String description, String error) {
        return new CompareResult(id, description, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Map.of(), error, null);
    }

    /** The same row with the JVM's difference to itself, 0 by definition. */
    CompareResult asReference() {
        return new CompareResult(id, description, setupMs, firstRunMs, medianMs, minMs, 0, kernelMs, copyMs, stageMs,
                error, kernels);
    }

    /** TornadoVM's compiler (Graal) share of the set-up; null where the backend has no split. */
    @JsonProperty("setup_compile_ms")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double setupCompileMs() {
        return kernels == null ? null : kernels.compileMs();
    }

    /** The driver's builds (and reading cached kernels); null where the backend has no split. */
    @JsonProperty("setup_driver_ms")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double setupDriverMs() {
        return kernels == null ? null : kernels.driverMs();
    }

    /** The rest of the set-up (graph building, weight repacking, uploads); null where there is no split. */
    @JsonProperty("setup_other_ms")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double setupOtherMs() {
        return kernels == null ? null : new SetupSplit(setupMs, kernels).otherMs();
    }

    /** What the kernel cache did: hit, miss, refused or off; null where the backend has none. */
    @JsonProperty("kernel_cache")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String kernelCache() {
        return kernels == null ? null : kernels.cache();
    }

    /** Frames per second at the median time (NaN for a failed row). */
    @JsonProperty("fps")
    double fps() {
        return 1000.0 / medianMs;
    }
}
