package bgnet.tornado;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-task kernel times out of TornadoVM's profiler log (JSON: one object per task,
 * keyed "graph.task", holding "TASK_KERNEL_TIME" in nanoseconds). The log has no nested objects
 * below the task level, so a pattern is enough and no JSON library is needed.
 */
final class ProfileLog {
    private static final Pattern TASK = Pattern.compile(
            "\"([^\"]+)\"\\s*:\\s*\\{[^{}]*?\"TASK_KERNEL_TIME\"\\s*:\\s*\"(\\d+)\"");

    private ProfileLog() {
    }

    /** Task id (without the graph prefix) → kernel nanoseconds. */
    static Map<String, Long> kernelNanos(String log, String graphName) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = TASK.matcher(log);
        String prefix = graphName + ".";
        while (m.find()) {
            String key = m.group(1);
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), Long.parseLong(m.group(2)));
            }
        }
        return out;
    }
}
