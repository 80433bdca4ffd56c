package bgnet.app.live;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Encodes the visualisation through JavaCV's FFmpeg (H.264 for .mp4/.mkv/.mov, FFmpeg's choice otherwise).
 * In real time, frames are stamped with their capture time, so the recording plays at the speed it
 * happened even when inference skipped frames; otherwise they follow each other at the source's rate.
 */
final class VideoRecorder implements FrameSink {

    private final Path file;
    private final double fps;
    private final boolean realTime;
    private long firstCaptured;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private FFmpegFrameRecorder recorder;
    private int frames;

    VideoRecorder(Path file, double fps, boolean realTime) {
        this.file = file;
        this.fps = fps;
        this.realTime = realTime;
    }

    @Override
    public void accept(BufferedImage view, long capturedNanos) throws IOException {
        if (recorder == null) {
            recorder = start(view.getWidth(), view.getHeight());
            firstCaptured = capturedNanos;
        }
        try {
            long micros = (capturedNanos - firstCaptured) / 1000;
            if (realTime && Math.round(micros * fps / 1e6) > recorder.getFrameNumber()) {
                recorder.setTimestamp(micros); // skip ahead only: frame numbers must keep increasing
            }
            recorder.record(converter.convert(view));
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new IOException("recording to " + file + " failed: " + OpenedGrabber.oneLine(e), e);
        }
    }

    private FFmpegFrameRecorder start(int width, int height) throws IOException {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4") || name.endsWith(".mkv") || name.endsWith(".mov")) {
            r.setVideoCodec(AV_CODEC_ID_H264);
        }
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.setVideoBitrate(Math.max(2_000_000, width * height * 8));
        try {
            r.start();
            return r;
        } catch (FrameRecorder.Exception e) {
            release(r);
            throw new IOException("cannot record to " + file + ": " + OpenedGrabber.oneLine(e), e);
        }
    }

    int frames() {
        return frames;
    }

    @Override
    public void close() {
        if (recorder != null) {
            try {
                recorder.stop(); // writes the trailer: without it the file does not play
            } catch (FrameRecorder.Exception e) {
                System.err.println("warning: finishing " + file + " failed: " + OpenedGrabber.oneLine(e));
            }
            release(recorder);
            recorder = null;
        }
        converter.close();
    }

    private static void release(FFmpegFrameRecorder r) {
        try {
            r.release();
        } catch (FrameRecorder.Exception ignored) {
            // Nothing more can be done for a recorder that fails to release.
        }
    }
}
