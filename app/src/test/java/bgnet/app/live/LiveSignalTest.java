package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+C (SIGINT) or SIGTERM ends a live run like q does: with its summary line, promptly. */
class LiveSignalTest {

    @TempDir
    Path dir;

    @Test
    void sigintAndSigtermStillPrintTheSummary() throws Exception {
        Path video = dir.resolve("sbs.mp4");
        new SyntheticStereoVideo(320, 192, 6, 600).writeSideBySide(video, 600, 20); // 30 s: longer than the test
        // INT and TERM on fast frames; TERM again while a frame takes longer than the shutdown's grace period.
        List<String[]> runs = List.of(new String[] {"INT", "0", "[1-9]\\d*"}, new String[] {"TERM", "0", "[1-9]\\d*"},
                new String[] {"TERM", "8000", "\\d+"});
        for (String[] run : runs) {
            String signal = run[0];
            Path log = dir.resolve("live-" + signal + run[1] + ".log");
            Process live = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dbgnet.test.delayMillis=" + run[1],
                    "-cp", System.getProperty("java.class.path"), LiveTestMain.class.getName(),
                    "--weights", "unused", "--video", video.toString(), "--width", "320", "--height", "192", "--headless")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                waitFor(log, "live: ", 60);
                Thread.sleep(run[1].equals("0") ? 1500 : 500); // a few frames, or the first slow one
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(live.pid())).start();
                assertEquals(0, kill.waitFor());
                assertTrue(live.waitFor(20, TimeUnit.SECONDS), "SIG" + signal + " did not end the run:\n" + Files.readString(log));
                String out = Files.readString(log);
                assertTrue(out.lines().anyMatch(l -> l.matches("summary: frames=" + run[2] + " dropped=\\d+ .*")),
                        "SIG" + signal + ": no summary line in:\n" + out);
                assertTrue(!out.contains("\tat "), out);
            } finally {
                live.destroyForcibly();
            }
        }
    }

    private static void waitFor(Path log, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + " s:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }
}
