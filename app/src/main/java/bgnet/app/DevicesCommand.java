package bgnet.app;

import bgnet.api.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `bgnet devices`: every backend and device this JVM can run the network on, with the ids --device takes. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"List the backends and devices the network can run on: the JVM, and every device "
                + "TornadoVM sees (id backend:index, for --backend tornado --device B:I)."})
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("ID", "BACKEND", "TYPE", "MEMORY", "NAME");
        StringBuilder notes = new StringBuilder();
        for (Device d : Device.list()) {
            table.row(d.id(), d.backendName(), d.type(), gib(d.memoryBytes()), d.name());
        }
        for (String problem : Device.problems()) {
            notes.append(problem).append(System.lineSeparator());
        }
        table.print(out);
        out.print(notes);
        out.flush();
        return 0;
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
