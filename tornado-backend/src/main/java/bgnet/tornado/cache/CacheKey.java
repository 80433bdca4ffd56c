package bgnet.tornado.cache;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a cached kernel depends on, as one line of {@code name=value} pairs, and the entry's
 * folder name (a hash of that line). Two processes agree on an entry only where every part is equal;
 * the manifest repeats the whole line, so even a hash collision is a miss.
 */
public record CacheKey(String text) {
    public CacheKey {
        if (text.contains("\n") || text.contains("\t")) {
            throw new IllegalArgumentException("a cache key is one line without tabs: " + text);
        }
    }

    /** The key of {@code parts}, in the given order. */
    public static CacheKey of(Map<String, String> parts) {
        return new CacheKey(parts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replaceAll("[\\t\\n;]", " "))
                .collect(Collectors.joining(";")));
    }

    /** Folder name: the first 128 bits of the line's SHA-256. */
    public String hash() {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** A copy of {@code parts} with one more part (for tests that vary one part). */
    static Map<String, String> with(Map<String, String> parts, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parts);
        copy.put(name, value);
        return copy;
    }
}
