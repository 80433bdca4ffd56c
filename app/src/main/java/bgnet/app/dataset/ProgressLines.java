package bgnet.app.dataset;

import java.io.PrintWriter;
import java.util.Locale;

/** One line per pair, for logs and pipes: {@code [3/200] 000002_10 0.81 s}. */
final class ProgressLines implements ProgressReporter {
    private final PrintWriter err;
    private final int total;
    private int done;

    ProgressLines(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void pairDone(String name, double seconds, Result result) {
        done++;
        err.println(String.format(Locale.ROOT, "[%d/%d] %s %s", done, total, name, switch (result) {
            case WRITTEN -> String.format(Locale.ROOT, "%.2f s", seconds);
            case SKIPPED -> "skipped (result exists)";
            case FAILED -> "failed";
        }));
        err.flush();
    }

    @Override
    public void message(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public void finish() {
        err.flush();
    }
}
