package bgnet.app.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes Ctrl+C (or SIGTERM) end a run like the q key: the loop stops, the recording gets its trailer,
 * devices are released, the run's last lines are printed, and only then does the JVM exit (or after a
 * few seconds, if something hangs: then {@code onGiveUp} still prints what it can).
 */
final class ShutdownGuard {

    private static final long GRACE_SECONDS = 5;

    private ShutdownGuard() {
    }

    static <T> T during(ViewControls controls, Supplier<T> run, Runnable onGiveUp) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            controls.quit();
            boolean done = false;
            try {
                done = finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!done) {
                onGiveUp.run();
            }
        }, "bgnet-live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it returns as soon as it sees the latch.
            }
        }
    }
}
