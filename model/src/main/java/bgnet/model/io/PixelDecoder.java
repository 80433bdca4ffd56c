package bgnet.model.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * A decoded image as 8-bit packed RGB, the way Pillow would see it. Grey and RGB images with
 * component samples are read from the raster, not through {@code getRGB}: Java treats PNG grey as
 * linear and would gamma-correct it, while Pillow takes the stored values. 16-bit samples keep their
 * high byte. Alpha is ignored. Everything else (palette, packed BMP pixels) goes through the colour model.
 */
final class PixelDecoder {
    private PixelDecoder() {
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = readsRawSamples(image.getColorModel())
                ? rawSamples(image.getRaster(), image.getColorModel())
                : image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, rgb);
    }

    private static boolean readsRawSamples(ColorModel cm) {
        if (!(cm instanceof ComponentColorModel)) {
            return false;
        }
        int type = cm.getTransferType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
            return false;
        }
        int space = cm.getColorSpace().getType();
        return space == ColorSpace.TYPE_GRAY || space == ColorSpace.TYPE_RGB;
    }

    private static int[] rawSamples(Raster raster, ColorModel cm) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int[] out = new int[w * h];
        if (grey) {
            int[] v = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int bits = cm.getComponentSize(0);
            for (int i = 0; i < out.length; i++) {
                int g = to8Bit(v[i], bits);
                out[i] = g << 16 | g << 8 | g;
            }
        } else {
            int[] r = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int[] g = raster.getSamples(0, 0, w, h, 1, (int[]) null);
            int[] b = raster.getSamples(0, 0, w, h, 2, (int[]) null);
            int rb = cm.getComponentSize(0);
            int gb = cm.getComponentSize(1);
            int bb = cm.getComponentSize(2);
            for (int i = 0; i < out.length; i++) {
                out[i] = to8Bit(r[i], rb) << 16 | to8Bit(g[i], gb) << 8 | to8Bit(b[i], bb);
            }
        }
        return out;
    }

    /** Deeper samples keep their high byte; shallower ones are stretched to 0..255 (1-bit: 0/255). */
    static int to8Bit(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}
