package bgnet.app.live;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A private X server for window tests, on the first free display number from :90. */
final class XvfbDisplay implements AutoCloseable {

    private final Process process;
    final String name;

    private XvfbDisplay(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Where a program is on the PATH, if it is installed. */
    static Optional<Path> which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static XvfbDisplay start(Path xvfb) throws Exception {
        for (int n = 90; n < 190; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1024x600x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && p.isAlive() && !Files.exists(socket)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new XvfbDisplay(p, ":" + n);
            }
            p.destroyForcibly(); // lost a race for this number: try the next
        }
        throw new IllegalStateException("no free X display number between :90 and :189");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
