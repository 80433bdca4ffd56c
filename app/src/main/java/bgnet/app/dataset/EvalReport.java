package bgnet.app.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-image scores and their means, as JSON, CSV and the rows of a table: one set of named figures
 * feeds all three. Keys: epe, d1_all, bad_0_5, bad_1, bad_2, bad_4, valid_pixels, and where the dataset
 * has a non-occluded mask the same with _noc (d1_noc) plus noc_pixels. A mean is over the images that
 * have the figure (an image without valid pixels has none).
 */
public final class EvalReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String dataset;
    private final String source;
    private final List<String> names = new ArrayList<>();
    private final List<Map<String, Double>> images = new ArrayList<>();

    public EvalReport(String dataset, String source) {
        this.dataset = dataset;
        this.source = source;
    }

    public void add(ImageScore score) {
        names.add(score.name());
        Map<String, Double> f = new LinkedHashMap<>();
        put(f, "", "d1_all", score.all());
        if (score.noc() != null) {
            put(f, "_noc", "d1_noc", score.noc());
        }
        images.add(f);
    }

    public int size() {
        return images.size();
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public List<Map<String, Double>> images() {
        return List.copyOf(images);
    }

    /** The mean of every key over the images that have it, in first-seen key order. */
    public Map<String, Double> mean() {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Map<String, Double> f : images) {
            f.forEach((k, v) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                if (!v.isNaN()) {
                    s[0] += v;
                    s[1]++;
                }
            });
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sums.forEach((k, s) -> mean.put(k, s[1] == 0 ? Double.NaN : s[0] / s[1]));
        return mean;
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", dataset);
        root.put("source", source);
        ArrayNode list = root.putArray("images");
        for (int i = 0; i < images.size(); i++) {
            ObjectNode o = list.addObject();
            o.put("name", names.get(i));
            fill(o, images.get(i));
        }
        fill(root.putObject("mean"), mean());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header, one row per image, and a last row named "mean". */
    public String csv() {
        List<String> keys = new ArrayList<>(mean().keySet());
        StringBuilder sb = new StringBuilder("name");
        keys.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (int i = 0; i < images.size(); i++) {
            csvRow(sb, names.get(i), images.get(i), keys);
        }
        csvRow(sb, "mean", mean(), keys);
        return sb.toString();
    }

    private static void csvRow(StringBuilder sb, String name, Map<String, Double> f, List<String> keys) {
        sb.append(name.matches("[^,\"\r\n]*") ? name : '"' + name.replace("\"", "\"\"") + '"');
        for (String k : keys) {
            Double v = f.get(k);
            sb.append(',').append(v == null || v.isNaN() ? "" : format(k, v));
        }
        sb.append('\n');
    }

    /** Counts as integers, everything else with 6 decimals (the figures are checked to 1e-6). */
    static String format(String key, double v) {
        return key.endsWith("_pixels") && v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
    }

    private static void put(Map<String, Double> f, String suffix, String d1Key, Scores s) {
        f.put("epe" + suffix, s.epe());
        f.put(d1Key, s.d1());
        f.put("bad_0_5" + suffix, s.bad05());
        f.put("bad_1" + suffix, s.bad1());
        f.put("bad_2" + suffix, s.bad2());
        f.put("bad_4" + suffix, s.bad4());
        f.put(suffix.isEmpty() ? "valid_pixels" : "noc_pixels", (double) s.pixels());
    }

    private static void fill(ObjectNode o, Map<String, Double> f) {
        f.forEach((k, v) -> {
            if (v.isNaN()) {
                o.putNull(k);
            } else if (k.endsWith("_pixels") && v == Math.rint(v)) {
                o.put(k, v.longValue());
            } else {
                o.put(k, v);
            }
        });
    }
}
