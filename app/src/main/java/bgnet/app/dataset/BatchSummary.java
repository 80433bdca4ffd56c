package bgnet.app.dataset;

import java.util.Locale;

/**
 * What a run over many pairs did, and how fast.
 *
 * @param pairs          pairs found
 * @param written        results computed and written
 * @param skipped        results that existed already (no --overwrite)
 * @param failed         pairs reported and skipped (unreadable, mismatched sizes, unwritable result)
 * @param meanSeconds    wall time per written pair: reading, network, writing
 * @param meanNetSeconds of that, the network alone
 * @param laterSeconds   wall time per written pair after the first of each size (planning and warm-up paid)
 */
public record BatchSummary(int pairs, int written, int skipped, int failed, double meanSeconds, double meanNetSeconds,
                           double laterSeconds) {

    public String line() {
        String times = written == 0 ? "" : String.format(Locale.ROOT, "; mean %.3f s per pair (network %.3f s)%s",
                meanSeconds, meanNetSeconds,
                Double.isNaN(laterSeconds) ? "" : String.format(Locale.ROOT, ", %.3f s after the first of each size", laterSeconds));
        return String.format(Locale.ROOT, "%d pairs: %d written, %d skipped (result exists), %d failed%s",
                pairs, written, skipped, failed, times);
    }
}
