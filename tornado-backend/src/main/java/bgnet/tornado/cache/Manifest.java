package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.common.Access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An entry's table of contents, as text: a header line, the full key, one line per task
 * ({@link TaskRecord}, tab-separated) and a last line with the SHA-256 of everything before it, so
 * that a truncated or edited manifest is refused rather than half read.
 */
final class Manifest {
    static final String FILE = "manifest.txt";
    private static final String HEADER = "bgnet-kernel-cache 1";
    private static final String CHECKSUM = "sha256 ";

    private Manifest() {
    }

    static byte[] write(String key, List<TaskRecord> tasks) {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n');
        b.append("key ").append(key).append('\n');
        for (TaskRecord t : tasks) {
            b.append("task\t").append(t.graph()).append('\t').append(t.task()).append('\t').append(t.entryPoint())
                    .append('\t').append(t.kernel()).append('\t')
                    .append(t.accesses().stream().map(Access::name).collect(Collectors.joining(","))).append('\t')
                    .append(longs(t.global())).append('\t').append(t.local() == null ? "-" : longs(t.local()))
                    .append('\t').append(String.join(" ", t.args())).append('\n');
        }
        String body = b.toString();
        return (body + CHECKSUM + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The key line of a manifest that passes its checksum (for listing). */
    static String key(byte[] manifest) throws CorruptEntryException {
        return lines(manifest).get(1).substring("key ".length());
    }

    /** The tasks of a manifest written for {@code key}; refuses anything else. */
    static List<TaskRecord> read(byte[] manifest, String key) throws CorruptEntryException {
        List<String> lines = lines(manifest);
        if (!lines.get(1).equals("key " + key)) {
            throw new CorruptEntryException("written for another key");
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            tasks.add(task(line));
        }
        if (tasks.isEmpty()) {
            throw new CorruptEntryException("no tasks");
        }
        return tasks;
    }

    private static List<String> lines(byte[] manifest) throws CorruptEntryException {
        String text = new String(manifest, StandardCharsets.UTF_8);
        int last = text.lastIndexOf(CHECKSUM);
        if (last < 0 || !text.endsWith("\n")) {
            throw new CorruptEntryException("manifest truncated");
        }
        String body = text.substring(0, last);
        String sum = text.substring(last + CHECKSUM.length(), text.length() - 1);
        if (!sum.equals(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)))) {
            throw new CorruptEntryException("manifest checksum mismatch");
        }
        List<String> lines = List.of(body.split("\n"));
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("key ")) {
            throw new CorruptEntryException("not a manifest of this version");
        }
        return lines;
    }

    private static TaskRecord task(String line) throws CorruptEntryException {
        String[] f = line.split("\t", -1);
        if (f.length != 9 || !f[0].equals("task")) {
            throw new CorruptEntryException("bad task line");
        }
        try {
            List<Access> accesses = f[5].isEmpty() ? List.of()
                    : Arrays.stream(f[5].split(",")).map(Access::valueOf).toList();
            List<String> args = f[8].isEmpty() ? List.of() : List.of(f[8].split(" "));
            if (!f[4].matches("[0-9a-f]{64}\\.[a-z]+")) {
                throw new CorruptEntryException("bad kernel file name " + f[4]);
            }
            return new TaskRecord(Integer.parseInt(f[1]), f[2], f[3], f[4], accesses, parseLongs(f[6]),
                    f[7].equals("-") ? null : parseLongs(f[7]), args);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException("bad task line: " + e.getMessage());
        }
    }

    private static String longs(long[] v) {
        return Arrays.stream(v).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    private static long[] parseLongs(String s) {
        return Arrays.stream(s.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
