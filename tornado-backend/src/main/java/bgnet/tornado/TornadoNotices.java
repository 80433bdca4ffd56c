package bgnet.tornado;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Drops TornadoVM's notice about loop bounds set by the GridScheduler, which it prints on standard output
 * while compiling a task that has a grid: the launch geometry is deliberate and a user can do nothing
 * about it. Every other line passes through unchanged.
 */
final class TornadoNotices {
    static final String GRID_NOTICE = "[TornadoVM] Warning: The loop bounds will be configured by the GridScheduler. "
            + "Check the grid by using the flag --threadInfo.";

    private TornadoNotices() {
    }

    /** Runs {@code work} with the notice filtered out of {@link System#out}. */
    static <T> T quiet(Supplier<T> work) {
        PrintStream original = System.out;
        LineFilter filter = new LineFilter(original);
        System.setOut(new PrintStream(filter, true, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.out.flush();
            filter.flushPartial();
            System.setOut(original);
        }
    }

    /**
     * Runs {@code work} with standard error held back: kept if it fails (the caller reports the failure in
     * one line; TornadoVM prints a driver's whole build log), passed on if it succeeds.
     */
    static void holdErrors(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
        boolean ok = false;
        try {
            work.run();
            ok = true;
        } finally {
            System.setErr(original);
            if (ok) {
                original.print(held.toString(StandardCharsets.UTF_8));
                original.flush();
            }
        }
    }

    /** Forwards whole lines, except the notice, to {@code out}. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (!text.strip().equals(GRID_NOTICE)) {
                    out.print(text);
                }
                line.reset();
            }
        }

        synchronized void flushPartial() {
            if (line.size() > 0) {
                out.print(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            out.flush();
        }
    }
}
