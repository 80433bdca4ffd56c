package bgnet.tornado;

import bgnet.model.testing.Fixtures;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's `tornado --module-path app/target/modules -m bgnet.app/bgnet.app.BGNetCli -- live --backend tornado ...`:
 * TornadoVM's own launcher, every module from the folder `mvn package` fills, the live demo headless on
 * the TornadoVM backend, and a recording that holds every frame of the video.
 */
class TornadoModulePathIT {
    static final int FRAMES = 10;
    static final int W = 128;
    static final int H = 64;

    @TempDir
    Path tmp;

    @Test
    void liveOnTheTornadoBackendUnderTheTornadoLauncherRecordsEveryFrame() throws Exception {
        Path video = tmp.resolve("sbs.mp4");
        writeVideo(video);
        Path recording = tmp.resolve("rec.mp4");
        String home = System.getProperty("tornadovm.home");
        String params = String.join(" ", "live", "--backend", "tornado", "--weights", Fixtures.file("bgnet_random.pth").toString(),
                "--video", video.toString(), "--headless", "--record", recording.toString(),
                "--width", Integer.toString(W), "--height", Integer.toString(H));
        ProcessBuilder pb = new ProcessBuilder(List.of(home + "/bin/tornado", "--jvm=--add-modules=ALL-MODULE-PATH",
                "--module-path", System.getProperty("bgnet.modules"), "-m", "bgnet.app/bgnet.app.BGNetCli", "--params", params))
                .redirectErrorStream(true).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TORNADOVM_HOME", home);
        Process p = pb.start();
        boolean ended = p.waitFor(540, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("[TornadoModulePathIT] " + output.lines().filter(l -> l.startsWith("summary:")).findFirst().orElse("?"));
        assertTrue(ended, "timed out:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("-> BGNet on tornado "), output);
        assertTrue(output.contains("summary: frames=" + FRAMES + " dropped=0 "), output);
        assertEquals(FRAMES, decodedFrames(recording), output);
    }

    /** Side-by-side noise (the network's weights are random: what it sees does not matter here). */
    private static void writeVideo(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Random random = new Random(7);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 2 * W, H, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(25);
            rec.start();
            for (int k = 0; k < FRAMES; k++) {
                BufferedImage img = new BufferedImage(2 * W, H, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < 2 * W; x++) {
                        img.setRGB(x, y, random.nextInt());
                    }
                }
                rec.record(conv.convert(img));
            }
            rec.stop();
        }
    }

    private static int decodedFrames(Path file) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) {
                n++;
            }
            g.stop();
            return n;
        }
    }
}
