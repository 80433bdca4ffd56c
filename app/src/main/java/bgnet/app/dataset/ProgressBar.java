package bgnet.app.dataset;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A bar redrawn in place: {@code [#####.....] 12/200  1.23 pairs/s  ETA 2:33  000011_10}. Rate and ETA
 * count computed pairs only (skipped ones take no time and would make the estimate too hopeful).
 */
final class ProgressBar implements ProgressReporter {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int computed;
    private double computeSeconds;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void pairDone(String name, double seconds, Result result) {
        done++;
        if (result != Result.SKIPPED) {
            computed++;
            computeSeconds += seconds;
        }
        err.print("\r\033[K" + line(name));
        err.flush();
    }

    @Override
    public void message(String text) {
        err.print("\r\033[K");
        err.println(text);
        err.flush();
    }

    @Override
    public void finish() {
        err.println();
        err.flush();
    }

    String line(String name) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        double perPair = computed == 0 ? 0 : computeSeconds / computed;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String rate = elapsed > 0 && computed > 0 ? String.format(Locale.ROOT, "%.2f pairs/s", computed / elapsed) : "- pairs/s";
        return String.format(Locale.ROOT, "[%s%s] %d/%d  %s  ETA %s  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate, clock(perPair * (total - done)), name);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
