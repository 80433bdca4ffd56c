package bgnet.app.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The document `bench --json` writes; the keys are what scripts and the README rely on. Times in ms. */
record BenchJson(String model, String backend, int width, int height, int threads, int warmup, int runs,
                 @JsonProperty("median_ms") double medianMs,
                 @JsonProperty("min_ms") double minMs,
                 @JsonProperty("max_ms") double maxMs,
                 @JsonProperty("pass_ms") double[] passMs,
                 double gmac,
                 double gflops,
                 @JsonProperty("peak_rss_mb") double peakRssMb,
                 Map<String, Double> stages,
                 @JsonProperty("setup_ms") double setupMs,
                 @JsonProperty("first_run_ms") double firstRunMs,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OpReport.Row> ops,
                 @JsonProperty("op_kinds") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OpReport.KindRow> opKinds,
                 @JsonProperty("setup_compile_ms") @JsonInclude(JsonInclude.Include.NON_NULL) Double setupCompileMs,
                 @JsonProperty("setup_driver_ms") @JsonInclude(JsonInclude.Include.NON_NULL) Double setupDriverMs,
                 @JsonProperty("setup_other_ms") @JsonInclude(JsonInclude.Include.NON_NULL) Double setupOtherMs,
                 @JsonProperty("kernel_cache") @JsonInclude(JsonInclude.Include.NON_NULL) String kernelCache) {

    static BenchJson of(BenchReport r) {
        Stats p = r.passes();
        bgnet.model.backend.KernelSetup k = r.timing().kernels();
        Map<String, Double> stages = new LinkedHashMap<>();
        r.stageMedians().forEach((s, ms) -> stages.put(s.name().toLowerCase(Locale.ROOT), ms));
        return new BenchJson(r.model(), r.timing().description(), r.width(), r.height(), r.threads(), r.warmup(),
                p.count(), p.median(), p.min(), p.max(), r.timing().frameMs(), r.macs() / 1e9, r.gflops(),
                r.peakRssMb(), stages, r.timing().setupMs(), r.timing().firstRunMs(), r.opReport().rows(),
                r.opReport().kinds(), k == null ? null : k.compileMs(), k == null ? null : k.driverMs(),
                k == null ? null : r.timing().setupOtherMs(), k == null ? null : k.cache());
    }
}
