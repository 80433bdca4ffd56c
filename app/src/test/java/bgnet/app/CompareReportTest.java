package bgnet.app;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compare table and JSON: units, failed rows, profiler columns, JSON escaping and NaN. */
class CompareReportTest {

    @Test
    void tableWithProfilerColumnsAndAFailedDevice() {
        CompareReport report = new CompareReport(Map.of(), List.of(
                new CompareResult("jvm", "jvm (2 threads)", 12_345.6, 900.0, 850.25, 0, Double.NaN, Double.NaN,
                        stages(500, 400), null),
                new CompareResult("0:0", "tornado 0:0 cpu", 30_000, 450, 440, 0.00123, 400, 2.5, stages(250, 1500), null),
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
    void jsonHasNullForMissingNumbersAndEscapesText() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("left", "a\"b\\c.png");
        header.put("runs", 3);
        String json = new CompareReport(header, List.of(
                CompareResult.failed("0:0", null, "line\nbreak"))).json();
        assertEquals("""
                {
                  "left": "a\\"b\\\\c.png",
                  "runs": 3,
                  "results": [
                    {"device": "0:0", "description": null, "first_run_ms": null, "median_ms": null, "min_ms": null, \
                "fps": null, "max_abs_diff_px": null, "kernel_ms": null, "copy_ms": null, "stages_ms": {}, \
                "error": "line\\nbreak"}
                  ]
                }
                """, json);
    }
}
