package bgnet.model.io;

import java.nio.file.Path;

/** Child process for {@link InterruptCleanupTest}: starts a write, says so, and stalls in the middle of it. */
public final class SlowWriteMain {
    private SlowWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFile.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
