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
                 @JsonProperty("op_kinds") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OpReport.KindRow> opKinds) {

    static BenchJson of(BenchReport r) {
        Stats p = r.passes();
        Map<String, Double> stages = new LinkedHashMap<>();
        r.stageMedians().forEach((s, ms) -> stages.put(s.name().toLowerCase(Locale.ROOT), ms));
        return new BenchJson(r.model(), r.timing().description(), r.width(), r.height(), r.threads(), r.warmup(),
                p.count(), p.median(), p.min(), p.max(), r.timing().frameMs(), r.macs() / 1e9, r.gflops(),
                r.peakRssMb(), stages, r.timing().setupMs(), r.timing().firstRunMs(), r.opReport().rows(),
                r.opReport().kinds());
    }
}
