package bgnet.app.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes Ctrl+C end a run like the q key: the loop stops, the recording gets its trailer, devices
 * are released, and only then does the JVM exit (or after a few seconds, if something hangs).
 */
final class ShutdownGuard {

    private static final long GRACE_SECONDS = 5;

    private ShutdownGuard() {
    }

    static <T> T during(ViewControls controls, Supplier<T> run) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            controls.quit();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
