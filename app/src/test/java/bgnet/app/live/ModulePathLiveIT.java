package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `live` as JPMS modules: `java --module-path app/target/modules -m bgnet.app/bgnet.app.BGNetCli`, the
 * folder `mvn package` fills, with JavaCV resolved as a module (and the real network on the JVM).
 * Runs after packaging (failsafe, `mvn verify`).
 */
class ModulePathLiveIT {
    static final Path MODULES = Path.of("target/modules").toAbsolutePath();
    static final Path WEIGHTS = Path.of(System.getProperty("bgnet.testdata")).resolve("bgnet_random.pth");

    @TempDir
    Path tmp;

    @Test
    void liveRecordsEveryFrameOfAVideoFromTheModulePath() throws Exception {
        Path video = tmp.resolve("sbs.mp4");
        new SyntheticStereoVideo(128, 64, 4, 10).writeSideBySide(video, 10, 25);
        Path recording = tmp.resolve("rec.mp4");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // JavaCPP finds each library's natives in its platform module (org.bytedeco.ffmpeg.linux.x86_64, ...),
        // which nothing requires: ALL-MODULE-PATH resolves them.
        List<String> command = List.of(java, "--module-path", MODULES.toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "bgnet.app/bgnet.app.BGNetCli", "live", "--weights", WEIGHTS.toString(), "--threads", "2",
                "--video", video.toString(), "--headless", "--record", recording.toString(), "--width", "128", "--height", "64");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "timed out:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("live: side-by-side video " + video + " -> BGNet on jvm"), output);
        assertTrue(output.contains("summary: frames=10 dropped=0 "), output);
        assertTrue(Files.size(recording) > 0);
        assertEquals(new VideoProbe(10, 256, 64), VideoProbe.of(recording));
    }
}
