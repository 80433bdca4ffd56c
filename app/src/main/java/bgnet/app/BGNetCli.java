package bgnet.app;

import bgnet.app.live.LiveCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** `bgnet`: real-time stereo depth with BGNet / BGNet+. */
@Command(name = "bgnet", mixinStandardHelpOptions = true, version = "bgnet 0.1.0",
        description = "Stereo disparity and depth with BGNet / BGNet+ (official PyTorch checkpoints, JVM or TornadoVM).",
        subcommands = {PredictCommand.class, InfoCommand.class, LiveCommand.class, BenchCommand.class,
                DevicesCommand.class, CompareCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class BGNetCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: bgnet --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (LinkageError e) {
            // picocli passes Errors through. On a module path without ALL-MODULE-PATH, JavaCPP's natives
            // (modules nothing requires) are not resolved: bgnet live fails to link FFmpeg / OpenCV.
            cli.getErr().println("error: " + ErrorMessages.oneLine(e) + " (a library this command needs is missing: "
                    + "on a module path add --add-modules ALL-MODULE-PATH, with tornado --jvm=\"--add-modules=ALL-MODULE-PATH\"; "
                    + "or run it through scripts/bgnet)");
            cli.getErr().flush();
            return 1;
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BGNetCli());
        // picocli passes Errors through its exception handlers: memory and stack exhaustion become one line here.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                err.println("error: " + ErrorMessages.oneLine(e));
                err.flush();
                return 1;
            }
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + ErrorMessages.oneLine(ex));
            if (Boolean.getBoolean("bgnet.debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage() + " (see --help)");
            err.flush();
            return 2;
        });
        return cli;
    }
}
