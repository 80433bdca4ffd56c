package bgnet.app;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, capturing its exit code, standard output and error stream. */
record CapturedRun(int exitCode, String out, String err) {

    static CapturedRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BGNetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CapturedRun(code, out.toString(), err.toString());
    }
}
