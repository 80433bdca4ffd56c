package bgnet.model.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code keys_shapes_dtypes} list of a fixture's json sidecar, written by PyTorch from the
 * same state dict. Entries look like {@code ["guide.conv1.0.weight", [16, 1, 3, 3], "float32"]};
 * keys contain no quotes or spaces, so a pattern over the whitespace-free text is enough.
 */
record FixtureManifest(List<Entry> entries) {
    record Entry(String key, int[] shape, String dtype) {
    }

    private static final Pattern ENTRY = Pattern.compile("\\[\"([^\"]+)\",\\[([0-9,]*)\\],\"([a-z0-9]+)\"\\]");

    static FixtureManifest read(Path json) throws IOException {
        String text = Files.readString(json).replaceAll("\\s+", "");
        int start = text.indexOf("\"keys_shapes_dtypes\":[");
        if (start < 0) {
            throw new IOException(json + " has no keys_shapes_dtypes");
        }
        List<Entry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text).region(start, text.length());
        while (m.find()) {
            int[] shape = m.group(2).isEmpty() ? new int[0]
                    : Arrays.stream(m.group(2).split(",")).mapToInt(Integer::parseInt).toArray();
            entries.add(new Entry(m.group(1), shape, m.group(3)));
        }
        return new FixtureManifest(entries);
    }
}
