package bgnet.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One device's row of `bgnet compare`, also its entry in the JSON's {@code results} (the keys are what
 * scripts rely on). Times in milliseconds; {@code setupMs} is preparing the backend, {@code firstRunMs}
 * setup plus the first frame; {@code kernelMs}/{@code copyMs} are the device profiler's per-frame means
 * (NaN without --profile or on the JVM); {@code maxAbsDiff} is against the JVM's disparity (0 for the
 * JVM itself, NaN when there is no reference); {@code stageMs} is the mean time per frame of each stage
 * (by label, in order; empty without --profile).
 */
@JsonPropertyOrder({"device", "description", "first_run_ms", "median_ms", "min_ms", "fps", "max_abs_diff_px",
        "kernel_ms", "copy_ms", "stages_ms", "error", "setup_ms"})
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
                     String error) {

    static CompareResult failed(String id, String description, String error) {
        return new CompareResult(id, description, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Map.of(), error);
    }

    /** Frames per second at the median time (NaN for a failed row). */
    @JsonProperty("fps")
    double fps() {
        return 1000.0 / medianMs;
    }
}
