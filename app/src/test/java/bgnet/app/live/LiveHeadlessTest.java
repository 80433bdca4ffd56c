package bgnet.app.live;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `live --headless --record` on synthetic stereo videos, checked through the recording and the summary. */
class LiveHeadlessTest {

    private static final int W = 640;
    private static final int H = 384;
    private static final int FRAMES = 20;
    private static final double FPS = 25;
    private static final int DISPARITY = 12;

    @TempDir
    static Path videos;
    static Path sideBySide;
    static Path leftEye;
    static Path rightEye;

    @TempDir
    Path out;

    @BeforeAll
    static void writeVideos() throws Exception {
        SyntheticStereoVideo scene = new SyntheticStereoVideo(W, H, DISPARITY, FRAMES);
        sideBySide = videos.resolve("sbs.mp4");
        scene.writeSideBySide(sideBySide, FRAMES, FPS);
        leftEye = videos.resolve("left.mp4");
        rightEye = videos.resolve("right.mp4");
        scene.writeEye(leftEye, FRAMES, FPS, false);
        scene.writeEye(rightEye, FRAMES, FPS, true);
    }

    @Test
    void recordsEveryFrameOfASideBySideVideo() throws Exception {
        BlockMatcher matcher = new BlockMatcher(32, 0);
        Path recording = out.resolve("live.mp4");
        LiveRunner run = LiveRunner.run(o -> matcher, "--weights", "unused", "--video", sideBySide.toString(),
                "--headless", "--record", recording.toString(), "--every-frame");
        System.out.println("[LiveHeadlessTest] " + W + "x" + H + " with the test block matcher: "
                + run.out().lines().filter(l -> l.startsWith("summary:")).findFirst().orElse("?"));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("live: end of side-by-side video " + sideBySide + " after " + FRAMES + " frames"), run.toString());
        double[] s = run.summary();
        assertEquals(FRAMES, s[0], run.toString());
        assertEquals(0, s[1], "--every-frame drops nothing");
        assertTrue(s[2] > 0 && s[3] > 0, "fps are measured");
        assertEquals(new VideoProbe(FRAMES, 2 * W, H), VideoProbe.of(recording));
        assertTrue(matcher.closed, "the estimator is closed at the end");
        // Left and right reached the estimator the right way round and unscaled: the plane's shift is found.
        assertEquals(FRAMES, matcher.medians.size(), "the matcher saw every frame");
        for (float median : matcher.medians) {
            assertEquals(DISPARITY, median, 1.0f);
        }
    }

    @Test
    void recordingAVideoKeepsEveryFrameEvenWhenInferenceIsSlowerThanTheVideo() throws Exception {
        Path tenFrames = out.resolve("ten.mp4");
        new SyntheticStereoVideo(W, H, DISPARITY, 10).writeSideBySide(tenFrames, 10, FPS);
        BlockMatcher slow = new BlockMatcher(16, 150); // ~6 fps against a 25 fps video
        Path recording = out.resolve("all.mp4");
        LiveRunner run = LiveRunner.run(o -> slow, "--weights", "unused", "--video", tenFrames.toString(),
                "--headless", "--record", recording.toString(), "--width", "320", "--height", "192");

        assertEquals(0, run.exitCode(), run.toString());
        double[] s = run.summary();
        assertEquals(10, s[0], "every frame is processed: " + run);
        assertEquals(0, s[1], "none is dropped");
        assertEquals(new VideoProbe(10, 2 * 320, 192), VideoProbe.of(recording), "and every one is recorded");
    }

    @Test
    void realtimePlaysAtTheVideosRateAndDropsWhatInferenceCannotKeepUpWith() throws Exception {
        BlockMatcher slow = new BlockMatcher(16, 150); // ~6 fps against a 25 fps video
        Path recording = out.resolve("slow.mp4");
        LiveRunner run = LiveRunner.run(o -> slow, "--weights", "unused", "--video", sideBySide.toString(),
                "--headless", "--record", recording.toString(), "--realtime");

        assertEquals(0, run.exitCode(), run.toString());
        double[] s = run.summary();
        assertTrue(s[1] > 0, "stale frames must be dropped: " + run);
        assertEquals(FRAMES, s[0] + s[1], "every frame is either processed or counted as dropped");
        assertTrue(s[0] < FRAMES / 2.0, "inference at ~6 fps processes well under half of a 25 fps video");
        assertEquals(new VideoProbe((int) s[0], 2 * W, H), VideoProbe.of(recording), "the recording holds what was processed");
    }

    @Test
    void twoVideosStopAfterTheRequestedFrames() throws Exception {
        BlockMatcher matcher = new BlockMatcher(32, 0);
        Path recording = out.resolve("pair.mkv");
        LiveRunner run = LiveRunner.run(o -> matcher, "--weights", "unused", "--left-video", leftEye.toString(),
                "--right-video", rightEye.toString(), "--headless", "--record", recording.toString(), "--frames", "5", "--every-frame");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("live: stopped after 5 frames (--frames)"), run.toString());
        assertEquals(5, run.summary()[0]);
        assertEquals(new VideoProbe(5, 2 * W, H), VideoProbe.of(recording));
        assertEquals(DISPARITY, matcher.medians.getFirst(), 1.0f);
    }

    @Test
    void framesAreResizedToTheNetworkInputSoDisparitiesScaleWithThem() throws Exception {
        BlockMatcher matcher = new BlockMatcher(16, 0);
        LiveRunner run = LiveRunner.run(o -> matcher, "--weights", "unused", "--video", sideBySide.toString(),
                "--headless", "--width", "320", "--height", "192", "--frames", "3", "--every-frame");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(3, run.summary()[0]);
        assertEquals(DISPARITY / 2.0, matcher.medians.getFirst(), 1.0f, "half the width, half the disparity");
        assertTrue(Files.notExists(out.resolve("live.mp4")));
    }

    @Test
    void withACalibrationEveryFrameIsRemappedBeforeInference() throws Exception {
        // Parallel cameras 10 cm apart: rectification keeps the rows, so the plane's shift must survive the remap.
        String k = "!!opencv-matrix\n   rows: 3\n   cols: 3\n   dt: d\n   data: [ 500., 0., 319.5, 0., 500., 191.5, 0., 0., 1. ]\n";
        String d = "!!opencv-matrix\n   rows: 1\n   cols: 5\n   dt: d\n   data: [ 0., 0., 0., 0., 0. ]\n";
        Path calib = Files.writeString(out.resolve("stereo.yaml"), "%YAML:1.0\n---\nimage_size: [ 640, 384 ]\n"
                + "K1: " + k + "D1: " + d + "K2: " + k + "D2: " + d
                + "R: !!opencv-matrix\n   rows: 3\n   cols: 3\n   dt: d\n   data: [ 1., 0., 0., 0., 1., 0., 0., 0., 1. ]\n"
                + "T: !!opencv-matrix\n   rows: 3\n   cols: 1\n   dt: d\n   data: [ -0.1, 0., 0. ]\n");
        BlockMatcher matcher = new BlockMatcher(32, 0);
        LiveRunner run = LiveRunner.run(o -> matcher, "--weights", "unused", "--video", sideBySide.toString(),
                "--headless", "--calib", calib.toString(), "--frames", "2", "--every-frame");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(2, run.summary()[0]);
        assertEquals(DISPARITY, matcher.medians.getFirst(), 1.0f);
    }
}
