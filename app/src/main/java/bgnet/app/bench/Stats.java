package bgnet.app.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of one sample (frame times, gaps between frames, pixel values): the one place
 * where bench, compare and live take a median, minimum, maximum, mean or percentile. An empty sample
 * gives NaN for each.
 */
public final class Stats {
    private final double[] sorted;

    private Stats(double[] sorted) {
        this.sorted = sorted;
    }

    /** The statistics of {@code sample} (copied; the caller's array is left as it is). */
    public static Stats of(double... sample) {
        double[] s = sample.clone();
        Arrays.sort(s);
        return new Stats(s);
    }

    public static Stats of(Collection<? extends Number> sample) {
        return of(sample.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    public double median() {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the sample at
     * or below it (so always a value of the sample, never an interpolation).
     */
    public double percentile(double percent) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent * n / 100.0);
        return sorted[Math.clamp(rank - 1, 0, n - 1)];
    }
}
