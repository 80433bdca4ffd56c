package bgnet.app;

import bgnet.model.backend.KernelSetup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compare table and JSON: units, failed rows, profiler columns, JSON keys, escaping and NaN (parsed back). */
class CompareReportTest {

    @Test
    void tableWithProfilerColumnsAndAFailedDevice() {
        CompareReport report = new CompareReport(Map.of(), List.of(
                new CompareResult("jvm", "jvm (2 threads)", 45.0, 12_345.6, 900.0, 850.25, 0, Double.NaN, Double.NaN,
                        stages(500, 400), null, null),
                new CompareResult("0:0", "tornado 0:0 cpu", 1_000, 30_000, 450, 440, 0.00123, 400, 2.5, stages(250, 1500), null,
                        null),
                CompareResult.failed("1:0", "tornado 1:0 gpu", "out of memory")));
        StringWriter s = new StringWriter();
        report.printTable(new PrintWriter(s));
        assertEquals("""
                DEVICE  FIRST RUN  MEDIAN    MIN       FPS    MAX |Δ| vs JVM  KERNEL    COPY    BACKEND
                jvm     12.35 s    900.0 ms  850.3 ms  1.111  0 (reference)   -         -       jvm (2 threads)
                0:0     30.00 s    450.0 ms  440.0 ms  2.222  1.23e-03 px     400.0 ms  2.5 ms  tornado 0:0 cpu
                1:0     -          -         -         -      -               -         -       tornado 1:0 gpu: FAILED: out of memory

                STAGE (per frame)   jvm       0:0
                feature extraction  500.0 ms  250.0 ms
                hourglass           400.0 ms  1.50 s
                """, s.toString());
    }

    private static Map<String, Double> stages(double features, double hourglass) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("feature extraction", features);
        m.put("hourglass", hourglass);
        return m;
    }

    @Test
    void jsonHasNullForMissingNumbersAndEscapesText() throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("left", "a\"b\\c.png");
        header.put("runs", 3);
        JsonNode doc = new ObjectMapper().readTree(new CompareReport(header, List.of(
                CompareResult.failed("0:0", null, "line\nbreak"))).json());
        assertEquals(List.of("left", "runs", "results"), names(doc));
        assertEquals("a\"b\\c.png", doc.get("left").asText(), "quotes and backslashes survive");
        assertEquals(3, doc.get("runs").asInt());
        JsonNode row = doc.get("results").get(0);
        assertEquals(ROW_KEYS, names(row));
        assertEquals("0:0", row.get("device").asText());
        assertEquals("line\nbreak", row.get("error").asText(), "a line break survives");
        for (String key : List.of("description", "setup_ms", "first_run_ms", "median_ms", "min_ms", "fps",
                "max_abs_diff_px", "kernel_ms", "copy_ms")) {
            assertTrue(row.get(key).isNull(), key + " of a failed row is null: " + row);
        }
        assertTrue(row.get("stages_ms").isObject() && row.get("stages_ms").isEmpty(), row.toString());
    }

    @Test
    void jsonHasEveryFigureOfAMeasuredRow() throws IOException {
        CompareResult r = new CompareResult("0:0", "tornado 0:0 cpu", 1_000, 30_000, 450, 440, 0.00123, 400, 2.5,
                stages(250, 1500), null, null);
        JsonNode row = new ObjectMapper().readTree(new CompareReport(Map.of(), List.of(r)).json()).get("results").get(0);
        assertEquals(ROW_KEYS, names(row));
        assertEquals(1_000, row.get("setup_ms").asDouble());
        assertEquals(30_000, row.get("first_run_ms").asDouble());
        assertEquals(450, row.get("median_ms").asDouble());
        assertEquals(440, row.get("min_ms").asDouble());
        assertEquals(1000.0 / 450, row.get("fps").asDouble(), 1e-12);
        assertEquals(0.00123, row.get("max_abs_diff_px").asDouble());
        assertEquals(400, row.get("kernel_ms").asDouble());
        assertEquals(2.5, row.get("copy_ms").asDouble());
        assertEquals(List.of("feature extraction", "hourglass"), names(row.get("stages_ms")));
        assertEquals(1500, row.get("stages_ms").get("hourglass").asDouble());
        assertTrue(row.get("error").isNull());
    }

    @Test
    void jsonHasTheSetupSplitOfADeviceBackend() throws IOException {
        CompareResult r = new CompareResult("0:0", "tornado 0:0 cpu", 3_000, 5_800, 950, 910, 0.04, Double.NaN,
                Double.NaN, Map.of(), null, new KernelSetup(0, 700, "hit"));
        JsonNode row = new ObjectMapper().readTree(new CompareReport(Map.of(), List.of(r)).json()).get("results").get(0);
        List<String> keys = new ArrayList<>(ROW_KEYS);
        keys.addAll(List.of("setup_compile_ms", "setup_driver_ms", "setup_other_ms", "kernel_cache"));
        assertEquals(keys, names(row));
        assertEquals(0, row.get("setup_compile_ms").asDouble());
        assertEquals(700, row.get("setup_driver_ms").asDouble());
        assertEquals(2_300, row.get("setup_other_ms").asDouble(), 1e-9);
        assertEquals("hit", row.get("kernel_cache").asText());
    }

    /** The keys of one result, as the README documents them (setup_ms added last). */
    static final List<String> ROW_KEYS = List.of("device", "description", "first_run_ms", "median_ms", "min_ms", "fps",
            "max_abs_diff_px", "kernel_ms", "copy_ms", "stages_ms", "error", "setup_ms");

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
