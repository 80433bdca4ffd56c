package bgnet.model.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;

/** A 16-bit single-channel PNG holding raw integer codes (KITTI disparity, depth in millimetres). */
record Gray16Png(int width, int height, int[] values) {
    Gray16Png {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " with " + values.length + " values");
        }
    }

    void write(Path target) throws OutputException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, values);
        ImageFiles.writePng(target, image);
    }

    static Gray16Png read(Path file) throws ImageFormatException {
        BufferedImage image = ImageFiles.read(file);
        Raster raster = image.getRaster();
        boolean grey16 = image.getColorModel() instanceof ComponentColorModel cm
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getNumBands() == 1
                && raster.getSampleModel().getSampleSize(0) == 16;
        if (!grey16) {
            throw new ImageFormatException(file + ": not a 16-bit grey PNG (" + raster.getNumBands() + " channel(s) of "
                    + raster.getSampleModel().getSampleSize(0) + " bits)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        return new Gray16Png(w, h, raster.getSamples(0, 0, w, h, 0, (int[]) null));
    }
}
