package bgnet.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs `bgnet` in a fresh JVM with chosen JVM flags (e.g. a small -Xmx), as a user would; keeps exit code and streams. */
record ChildCli(int exitCode, String out, String err) {

    static ChildCli run(List<String> jvmArgs, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BGNetCli.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("bgnet-child", ".out");
        Path err = Files.createTempFile("bgnet-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bgnet did not end within " + timeoutSeconds + " s: " + Files.readString(err));
            }
            return new ChildCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    String[] errLines() {
        return err.strip().isEmpty() ? new String[0] : err.strip().split("\\R");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
