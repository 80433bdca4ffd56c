package bgnet.app;

import bgnet.model.backend.Backends;
import bgnet.model.backend.DeviceInfo;
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
        for (Backends.Listing listing : Backends.listAll()) {
            for (DeviceInfo d : listing.devices()) {
                table.row(d.id(), listing.backend(), d.type(), gib(d.memoryBytes()), d.name());
            }
            if (listing.error() != null) {
                notes.append(listing.backend()).append(": ").append(listing.error()).append(System.lineSeparator());
            }
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
