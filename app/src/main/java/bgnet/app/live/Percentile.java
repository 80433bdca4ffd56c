package bgnet.app.live;

import bgnet.app.bench.Stats;

import java.util.Arrays;

/** A cheap percentile of the positive finite values, from a regular sample (exact sorting is too slow per frame). */
final class Percentile {

    private static final int SAMPLES = 8192;

    private Percentile() {
    }

    /** The nearest-rank percentile of the positive finite values among about 8k evenly spread ones; 0 if none. */
    static float ofPositive(float[] values, double percent) {
        int step = Math.max(1, values.length / SAMPLES);
        double[] sample = new double[values.length / step + 1];
        int n = 0;
        for (int i = 0; i < values.length; i += step) {
            float v = values[i];
            if (v > 0 && v < Float.POSITIVE_INFINITY) {
                sample[n++] = v;
            }
        }
        return n == 0 ? 0f : (float) Stats.of(Arrays.copyOf(sample, n)).percentile(percent);
    }
}
