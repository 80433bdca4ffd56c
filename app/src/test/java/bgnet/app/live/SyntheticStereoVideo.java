package bgnet.app.live;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Writes a stereo video of a textured plane at one known disparity: the scene pans a few pixels
 * per frame, and the right view is the left one shifted by the disparity (x_right = x_left − d).
 */
final class SyntheticStereoVideo {

    static final int PAN = 3;

    private final int eyeWidth;
    private final int eyeHeight;
    private final int disparity;
    private final int textureWidth;   // wide enough for the pan and the shift
    private final float[][] texture;  // R, G, B value noise, textureWidth x eyeHeight

    SyntheticStereoVideo(int eyeWidth, int eyeHeight, int disparity, int frames) {
        this.eyeWidth = eyeWidth;
        this.eyeHeight = eyeHeight;
        this.disparity = disparity;
        this.textureWidth = eyeWidth + disparity + PAN * frames + 8;
        this.texture = noise(textureWidth, eyeHeight, new Random(42));
    }

    /** left|right in every frame, width 2·eyeWidth. */
    void writeSideBySide(Path file, int frames, double fps) throws Exception {
        write(file, frames, fps, 2 * eyeWidth, true, true);
    }

    /** One eye only, for the two-video source. */
    void writeEye(Path file, int frames, double fps, boolean right) throws Exception {
        write(file, frames, fps, eyeWidth, !right, right);
    }

    private void write(Path file, int frames, double fps, int width, boolean left, boolean right) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, eyeHeight, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoBitrate(40_000_000); // near-lossless, so that matching is not fooled by artefacts
            rec.start();
            for (int k = 0; k < frames; k++) {
                BufferedImage img = new BufferedImage(width, eyeHeight, BufferedImage.TYPE_3BYTE_BGR);
                int x0 = 0;
                if (left) {
                    paint(img, x0, PAN * k);
                    x0 += eyeWidth;
                }
                if (right) {
                    paint(img, x0, PAN * k + disparity);
                }
                rec.record(conv.convert(img));
            }
            rec.stop();
        }
    }

    private void paint(BufferedImage img, int x0, int shift) {
        for (int y = 0; y < eyeHeight; y++) {
            for (int x = 0; x < eyeWidth; x++) {
                int i = y * textureWidth + x + shift;
                img.setRGB(x0 + x, y, (int) texture[0][i] << 16 | (int) texture[1][i] << 8 | (int) texture[2][i]);
            }
        }
    }

    /** Three channels of bilinear value noise on a 4-pixel grid. */
    private static float[][] noise(int w, int h, Random random) {
        int cell = 4, gw = w / cell + 2, gh = h / cell + 2;
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] grid = new float[gw * gh];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = 20 + 215 * random.nextFloat();
            }
            float[] img = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float fx = x / (float) cell, fy = y / (float) cell;
                    int gx = (int) fx, gy = (int) fy;
                    float ax = fx - gx, ay = fy - gy;
                    img[y * w + x] = (1 - ay) * ((1 - ax) * grid[gy * gw + gx] + ax * grid[gy * gw + gx + 1])
                            + ay * ((1 - ax) * grid[(gy + 1) * gw + gx] + ax * grid[(gy + 1) * gw + gx + 1]);
                }
            }
            out[c] = img;
        }
        return out;
    }
}
