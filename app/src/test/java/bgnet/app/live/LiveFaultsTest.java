package bgnet.app.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and broken sources: one clear line, the right exit status, no stack trace, no hang. */
class LiveFaultsTest {

    @TempDir
    Path dir;

    private static LiveRunner live(String... args) {
        return LiveRunner.run(o -> new BlockMatcher(8, 0), args);
    }

    private static void assertOneLineError(LiveRunner run, int code, String start) {
        assertEquals(code, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("error: " + start), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
        assertTrue(!run.err().contains("\tat ") && !run.out().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void aVideoThatDoesNotExist() {
        Path missing = dir.resolve("nope.mp4");
        assertOneLineError(live("--weights", "w", "--video", missing.toString(), "--headless"), 1, "video not found: " + missing);
    }

    @Test
    void aFileThatIsNotAVideo() throws Exception {
        Path junk = Files.write(dir.resolve("junk.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertOneLineError(live("--weights", "w", "--video", junk.toString(), "--headless"), 1, "cannot open video " + junk);
    }

    @Test
    void aCameraThatCannotBeOpened() {
        LiveRunner run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> live("--weights", "w", "--camera", "63", "--headless"));
        assertOneLineError(run, 1, "cannot open camera 63");
    }

    @Test
    void optionsThatNameNoSourceOrTwo() {
        assertOneLineError(live("--weights", "w", "--headless"), 2, "no source");
        assertOneLineError(live("--weights", "w", "--camera", "0", "--video", "a.mp4"), 2, "give only one source");
        assertOneLineError(live("--weights", "w", "--left-video", "a.mp4"), 2, "--left-video needs --right-video");
        assertOneLineError(live("--weights", "w", "--camera", "0", "--every-frame"), 2, "--every-frame applies to videos only");
        assertOneLineError(live("--weights", "w", "--camera", "0", "--realtime"), 2, "--realtime applies to videos only");
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--realtime", "--every-frame"), 2,
                "give --every-frame or --realtime, not both");
        assertOneLineError(live("--weights", "w", "--camera", "0", "--capture-size", "big"), 2, "--capture-size must look like");
    }

    @Test
    void badSizesColourMapsAndFolders() {
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--width", "650"), 2, "--width and --height must be positive multiples of 64");
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--colormap", "jet"), 2, "--colormap: unknown colour map");
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--record", dir.resolve("no/such/out.mp4").toString()),
                2, "--record: folder");
    }

    @Test
    void focalWithoutBaselineAndABadCalibration() throws Exception {
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--focal", "700"), 1, "--focal needs --baseline (or --calib)");
        Path calib = Files.writeString(dir.resolve("c.yaml"), "%YAML:1.0\nfoo: 1\n");
        assertOneLineError(live("--weights", "w", "--video", "a.mp4", "--calib", calib.toString()), 1, calib + ": needs K1 D1 K2 D2");
    }

    @Test
    void aNetworkThatFailsToLoadOrToRun() throws Exception {
        Path video = dir.resolve("v.mp4");
        new SyntheticStereoVideo(128, 64, 4, 3).writeSideBySide(video, 3, 10);
        LiveRunner run = LiveRunner.run(o -> {
            throw new IllegalStateException("checkpoint w.pth is not a BGNet checkpoint");
        }, "--weights", "w.pth", "--video", video.toString(), "--headless");
        assertOneLineError(run, 1, "cannot load the network: checkpoint w.pth is not a BGNet checkpoint");

        BlockMatcher failing = new BlockMatcher(4, 0) {
            @Override
            public bgnet.model.io.DisparityMap estimate(bgnet.model.io.GrayImage l, bgnet.model.io.GrayImage r) {
                throw new IllegalStateException("device lost");
            }
        };
        run = LiveRunner.run(o -> failing, "--weights", "w", "--video", video.toString(), "--headless", "--width", "128", "--height", "64");
        assertOneLineError(run, 1, "inference failed on frame 0: device lost");
        assertTrue(run.out().contains("summary: frames=0 "), "the summary still comes: " + run);
        assertTrue(failing.closed);
    }

    @Test
    void aCalibrationForAnotherImageSize() throws Exception {
        Path video = dir.resolve("v.mp4");
        new SyntheticStereoVideo(128, 64, 4, 3).writeSideBySide(video, 3, 10);
        Path calib = Files.writeString(dir.resolve("c.yaml"), """
                %YAML:1.0
                ---
                image_size: [ 800, 600 ]
                P1: !!opencv-matrix
                   rows: 3
                   cols: 4
                   dt: d
                   data: [ 500., 0., 400., 0., 0., 500., 300., 0., 0., 0., 1., 0. ]
                P2: !!opencv-matrix
                   rows: 3
                   cols: 4
                   dt: d
                   data: [ 500., 0., 400., -50., 0., 500., 300., 0., 0., 0., 1., 0. ]
                """);
        LiveRunner run = live("--weights", "w", "--video", video.toString(), "--headless", "--calib", calib.toString(),
                "--width", "128", "--height", "64");
        assertOneLineError(run, 1, "frames are 128x64 but " + calib + " is for 800x600 images");
    }
}
