package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window on a private Xvfb: it shows frames (a screenshot taken from outside is not blank), the
 * s key saves a snapshot and q quits cleanly. Skipped only where Xvfb or ImageMagick's import is
 * missing; .ci/run installs both.
 */
class LiveWindowXvfbTest {

    @TempDir
    Path dir;

    @Test
    void windowShowsFramesAndAnswersKeys() throws Exception {
        Optional<Path> xvfb = XvfbDisplay.which("Xvfb"), imp = XvfbDisplay.which("import");
        assumeTrue(xvfb.isPresent() && imp.isPresent(), "needs Xvfb and ImageMagick (apt-get install xvfb imagemagick)");
        Path video = dir.resolve("sbs.mp4");
        new SyntheticStereoVideo(320, 192, 6, 300).writeSideBySide(video, 300, 20); // 15 s: longer than the test needs
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Path log = dir.resolve("live.log");

        try (XvfbDisplay display = XvfbDisplay.start(xvfb.get())) {
            Process live = java(display, log, LiveTestMain.class, "--weights", "unused", "--video", video.toString(),
                    "--width", "320", "--height", "192", "--snapshot-dir", snapshots.toString(), "--focal", "300", "--baseline", "0.1");
            try {
                waitFor(log, "live: ", 60);
                Thread.sleep(2000); // a few frames on screen
                Path shot = dir.resolve("shot.png");
                Process grab = new ProcessBuilder(imp.get().toString(), "-display", display.name, "-window", "root", shot.toString())
                        .redirectErrorStream(true).start();
                assertTrue(grab.waitFor(30, TimeUnit.SECONDS) && grab.exitValue() == 0, "import failed");
                assertNotBlank(ImageIO.read(shot.toFile()));

                Process keys = java(display, dir.resolve("keys.log"), KeyTyper.class, "160", "96", "1500", "s", "q");
                assertTrue(keys.waitFor(60, TimeUnit.SECONDS), "typing keys hung");
                assertTrue(live.waitFor(30, TimeUnit.SECONDS), "q did not end the run:\n" + Files.readString(log));
                String out = Files.readString(log);
                assertEquals(0, live.exitValue(), out);
                assertTrue(out.contains("snapshot: bgnet-live-"), out);
                assertTrue(out.contains("live: quit after "), out);
                assertTrue(out.lines().anyMatch(l -> l.matches("summary: frames=\\d+ dropped=\\d+ .*")), out);
                try (Stream<Path> files = Files.list(snapshots)) {
                    assertEquals(4, files.count(), "view PNG, disparity PFM, depth PFM, PLY");
                }
            } finally {
                live.destroyForcibly();
            }
        }
    }

    /** Starts a test main class in its own JVM on the display, output to log. */
    private static Process java(XvfbDisplay display, Path log, Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display.name);
        return pb.start();
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

    /** A blank screen is one colour; the window shows a textured image and a colour map. */
    private static void assertNotBlank(BufferedImage shot) {
        Set<Integer> colours = new HashSet<>();
        long coloured = 0;
        for (int y = 0; y < shot.getHeight(); y += 2) {
            for (int x = 0; x < shot.getWidth(); x += 2) {
                int p = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(p);
                int r = p >> 16, g = (p >> 8) & 0xFF, b = p & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(colours.size() > 500, "screenshot has only " + colours.size() + " colours");
        assertTrue(coloured > 2000, "screenshot has only " + coloured + " strongly coloured samples");
    }
}
