package bgnet.tornado;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Task ids from op names, and reading per-task kernel times from the profiler's log. */
class NamingTest {

    @Test
    void opNamesBecomeUniqueTaskIds() {
        TaskNames names = new TaskNames();
        assertEquals("left_feature_extraction_layer1_0_conv1", names.next("left.feature_extraction.layer1.0.conv1"));
        assertEquals("t0_conv", names.next("0.conv"));
        assertEquals("copy", names.next("copy"));
        assertEquals("copy_2", names.next("copy"));
        assertEquals("a_b_c", names.next("a-b/c"));
    }

    @Test
    void kernelTimesPerTaskOfOneGraph() {
        String log = """
                {
                    "g1": {
                        "TOTAL_KERNEL_TIME": "300",
                        "g1.conv_a": {
                            "METHOD": "TornadoKernels.conv2d",
                            "TASK_KERNEL_TIME": "120"
                        },
                        "g1.copy": {
                            "TASK_KERNEL_TIME": "180"
                        }
                    },
                    "g2": { "g2.other": { "TASK_KERNEL_TIME": "5" } }
                }
                """;
        assertEquals(Map.of("conv_a", 120L, "copy", 180L), ProfileLog.kernelNanos(log, "g1"));
        assertEquals(Map.of(), ProfileLog.kernelNanos("", "g1"));
    }
}
