package bgnet.app.dataset;

import java.io.PrintWriter;

/** How a run over many pairs shows where it is: a bar on a terminal, one line per pair otherwise. */
interface ProgressReporter {

    /** What became of a pair. */
    enum Result { WRITTEN, SKIPPED, FAILED }

    /** A pair finished; seconds is its time, 0 when skipped. */
    void pairDone(String name, double seconds, Result result);

    /** A line that must stay readable (an error): printed above the bar. */
    void message(String line);

    /** Leaves the terminal on a fresh line. */
    void finish();

    /** The bar when stderr is a terminal ({@code System.console().isTerminal()}), plain lines otherwise. */
    static ProgressReporter forConsole(PrintWriter err, int total) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new ProgressBar(err, total) : new ProgressLines(err, total);
    }
}
