package bgnet.app.live;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs `live` in-process with a test estimator and keeps what it printed. */
record LiveRunner(int exitCode, String out, String err) {

    private static final Pattern SUMMARY = Pattern.compile(
            "(?m)^summary: frames=(\\d+) dropped=(\\d+) mean_fps=([0-9.]+) median_fps=([0-9.]+) mean_latency_ms=([0-9.]+)"
                    + " first_frame_ms=([0-9.]+)$");

    static LiveRunner run(EstimatorFactory estimators, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new LiveCommand(estimators));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new LiveRunner(code, out.toString(), err.toString());
    }

    /** The summary line's numbers: frames, dropped, mean fps, median fps, mean latency, first frame; fails when it is absent. */
    double[] summary() {
        Matcher m = SUMMARY.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no summary line in:\n" + out + err);
        }
        return new double[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))};
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
