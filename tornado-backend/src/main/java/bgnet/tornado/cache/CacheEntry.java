package bgnet.tornado.cache;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache entry found valid: its folder and its tasks, looked up by graph index and task id.
 */
public final class CacheEntry {
    private final Path dir;
    private final List<TaskRecord> tasks;
    private final Map<String, TaskRecord> byTask = new HashMap<>();

    CacheEntry(Path dir, List<TaskRecord> tasks) {
        this.dir = dir;
        this.tasks = List.copyOf(tasks);
        for (TaskRecord t : tasks) {
            byTask.put(t.graph() + "/" + t.task(), t);
        }
    }

    public Path dir() {
        return dir;
    }

    List<TaskRecord> tasks() {
        return tasks;
    }

    /** The record of task {@code task} of graph {@code graph}, or null. */
    TaskRecord task(int graph, String task) {
        return byTask.get(graph + "/" + task);
    }

    /** The kernel source file of a task, as TornadoVM's prebuilt tasks read it. */
    Path kernelFile(TaskRecord t) {
        return dir.resolve(t.kernel());
    }
}
