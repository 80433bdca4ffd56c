package bgnet.model.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undo actions for work in progress (a temporary file being written, a set of outputs not yet
 * complete) that a shutdown hook runs when the JVM is stopped by Ctrl-C or SIGTERM mid-way, so an
 * interrupted run leaves the folder as it found it. Normal paths remove their action when done.
 */
public final class InterruptCleanup {
    private static final Map<Long, Runnable> PENDING = new LinkedHashMap<>();
    private static long nextId;
    private static boolean hookInstalled;

    private InterruptCleanup() {
    }

    /** A registered action; {@link #close} removes it without running it. */
    public static final class Registration implements AutoCloseable {
        private final long id;

        private Registration(long id) {
            this.id = id;
        }

        @Override
        public void close() {
            synchronized (InterruptCleanup.class) {
                PENDING.remove(id);
            }
        }
    }

    /** Runs {@code undo} on an interrupting shutdown unless the registration is closed first. */
    public static synchronized Registration register(Runnable undo) {
        if (!hookInstalled) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(InterruptCleanup::runAll, "bgnet-cleanup"));
            } catch (IllegalStateException alreadyShuttingDown) {
                // the caller's own failure handling still cleans up
            }
            hookInstalled = true;
        }
        long id = nextId++;
        PENDING.put(id, undo);
        return new Registration(id);
    }

    /**
     * Runs {@code step} so that no undo action runs while it does: a shutdown hook waits for it.
     * For steps that must not be split, such as moving a finished file into place and forgetting its undo.
     */
    public static synchronized void atomically(Step step) throws java.io.IOException {
        step.run();
    }

    /** A file operation for {@link #atomically}. */
    @FunctionalInterface
    public interface Step {
        void run() throws java.io.IOException;
    }

    // Newest first: a temporary file is removed before the output set it belongs to is rolled back.
    private static synchronized void runAll() {
        List<Runnable> undo = new ArrayList<>(PENDING.values());
        PENDING.clear();
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (RuntimeException ignored) {
                // best effort while the JVM stops
            }
        }
    }
}
