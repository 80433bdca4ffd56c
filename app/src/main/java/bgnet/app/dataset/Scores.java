package bgnet.app.dataset;

/**
 * Error figures of one image over one set of pixels (all valid ones, or the non-occluded ones).
 * Percentages are of those pixels; every figure is NaN when there are none.
 *
 * @param pixels  how many pixels were scored
 * @param epe     end-point error: mean |d - gt| in pixels
 * @param d1      D1 (KITTI): % with error > 3 px and > 5 % of gt
 * @param bad05   % with error > 0.5 px
 * @param bad1    % with error > 1 px
 * @param bad2    % with error > 2 px
 * @param bad4    % with error > 4 px
 */
public record Scores(long pixels, double epe, double d1, double bad05, double bad1, double bad2, double bad4) {

    /** Adds up one set of pixels' errors. */
    static final class Accumulator {
        private long n;
        private double sumError;
        private long d1;
        private long over05;
        private long over1;
        private long over2;
        private long over4;

        void add(double error, double gt) {
            n++;
            sumError += error;
            if (error > 3 && error > 0.05 * gt) {
                d1++;
            }
            over05 += error > 0.5 ? 1 : 0;
            over1 += error > 1 ? 1 : 0;
            over2 += error > 2 ? 1 : 0;
            over4 += error > 4 ? 1 : 0;
        }

        Scores scores() {
            return new Scores(n, n == 0 ? Double.NaN : sumError / n, percent(d1), percent(over05), percent(over1),
                    percent(over2), percent(over4));
        }

        private double percent(long count) {
            return n == 0 ? Double.NaN : 100.0 * count / n;
        }
    }
}
