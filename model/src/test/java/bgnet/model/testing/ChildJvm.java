package bgnet.model.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A second JVM on the test class path, for what only a separate process can show (signals, exit paths). */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args}; stderr is merged into stdout. */
    public static ChildJvm start(Class<?> main, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads lines until one equals {@code line}; fails if the child ends first. */
    public void awaitLine(String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
            if (l.equals(line)) {
                return;
            }
            seen.append(l).append('\n');
        }
        throw new AssertionError("child ended before printing '" + line + "':\n" + seen);
    }

    /** The rest of the child's output, once it has ended. */
    public String rest() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** Sends SIGTERM (what Ctrl-C's SIGINT also does to a JVM: run the shutdown hooks) and waits for the exit. */
    public int terminate(long seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not stop within " + seconds + " s of SIGTERM");
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
