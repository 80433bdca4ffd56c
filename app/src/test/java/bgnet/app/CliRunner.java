package bgnet.app;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its exit code and error stream. */
record CliRunner(int exitCode, String err) {

    static CliRunner run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = BGNetCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRunner(code, err.toString());
    }

    /** The error stream's lines, without blank ones. */
    String[] errLines() {
        return err.strip().isEmpty() ? new String[0] : err.strip().split("\\R");
    }
}
