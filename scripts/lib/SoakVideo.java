import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * For scripts/soak-live: writes a side-by-side stereo video (left|right, each eye W x H) of a textured
 * scene panning 2 pixels a frame, the right eye shifted by 8 pixels. Usage: OUT.mp4 FRAMES W H
 */
public class SoakVideo {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int frames = Integer.parseInt(args[1]), w = Integer.parseInt(args[2]), h = Integer.parseInt(args[3]);
        int shift = 8, pan = 2, texW = w + shift + pan * frames;
        int[] texture = new int[texW * h];
        Random random = new Random(7);
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < texW; x += 4) {
                int grey = 20 + random.nextInt(215);
                for (int dy = 0; dy < 4 && y + dy < h; dy++) {
                    for (int dx = 0; dx < 4 && x + dx < texW; dx++) {
                        texture[(y + dy) * texW + x + dx] = grey << 16 | grey << 8 | grey;
                    }
                }
            }
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out, 2 * w, h, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(30);
            rec.setVideoBitrate(4_000_000);
            rec.start();
            BufferedImage img = new BufferedImage(2 * w, h, BufferedImage.TYPE_3BYTE_BGR);
            for (int k = 0; k < frames; k++) {
                img.setRGB(0, 0, w, h, texture, pan * k, texW);
                img.setRGB(w, 0, w, h, texture, pan * k + shift, texW);
                rec.record(conv.convert(img));
            }
            rec.stop();
        }
    }
}
