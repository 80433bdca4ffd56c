package bgnet.api;

import bgnet.model.MemoryShortage;
import bgnet.model.io.GrayConversion;
import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.ImageReader;
import bgnet.model.io.RgbImage;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of a rectified stereo pair, as the network sees it: 8-bit grey (colour is converted the
 * way Pillow's {@code convert('L')} does, so results match the PyTorch reference). It remembers where it
 * came from, so that a point cloud can be coloured from the left image.
 *
 * <p>From a JavaCV {@code Frame} or OpenCV {@code Mat}: convert to a {@link BufferedImage} (JavaCV's
 * {@code Java2DFrameConverter}), or pass the 8-bit grey bytes to {@link #ofGray(int, int, byte[])}.
 */
public final class InputImage {
    private final GrayImage gray;
    private final String name;
    private final Path file;
    private final BufferedImage buffered;

    private InputImage(GrayImage gray, String name, Path file, BufferedImage buffered) {
        this.gray = gray;
        this.name = name;
        this.file = file;
        this.buffered = buffered;
    }

    /**
     * Reads any image javax.imageio decodes (PNG, JPEG, BMP, GIF, ...).
     *
     * @param file the image file
     * @return the image
     * @throws InputException  when the file is missing, not a regular file or not a readable image
     * @throws RefusedException when decoding it would not fit in the Java heap
     */
    public static InputImage read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new InputImage(ImageReader.readGray(file), file.toString(), file, null);
        } catch (ImageFormatException e) {
            throw Errors.input(e);
        } catch (MemoryShortage e) {
            throw Errors.refused(e);
        }
    }

    /**
     * An image already in memory (kept by reference for the point cloud's colours; do not change it
     * while a result made from it is in use).
     *
     * @param image any type of BufferedImage; 16-bit samples keep their high byte
     * @return the image
     */
    public static InputImage of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return new InputImage(GrayConversion.toGray(ImageReader.toRgb(image)), null, null, image);
    }

    /**
     * An 8-bit grey image, e.g. the data of a {@code CV_8UC1} Mat.
     *
     * @param width  columns
     * @param height rows
     * @param pixels {@code width * height} grey levels, row-major, read as unsigned bytes (copied)
     * @return the image
     * @throws IllegalArgumentException when the sizes do not match
     */
    public static InputImage ofGray(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " grey image needs " + (long) width * height
                    + " bytes, got " + pixels.length);
        }
        float[] grey = new float[pixels.length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = pixels[i] & 0xFF;
        }
        return new InputImage(new GrayImage(width, height, grey), null, null, null);
    }

    /**
     * A grey image already in the network's input form: grey levels 0..255 as floats (e.g. frames a capture
     * loop has converted once).
     *
     * @param width  columns
     * @param height rows
     * @param levels {@code width * height} grey levels, row-major (copied)
     * @return the image
     * @throws IllegalArgumentException when the sizes do not match
     */
    public static InputImage ofGray(int width, int height, float[] levels) {
        if (width <= 0 || height <= 0 || levels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " grey image needs " + (long) width * height
                    + " levels, got " + levels.length);
        }
        return new InputImage(new GrayImage(width, height, levels.clone()), null, null, null);
    }

    /**
     * What the network sees.
     *
     * @return {@code width * height} grey levels 0..255, row-major (a copy)
     */
    public float[] grayLevels() {
        return gray.pixels().clone();
    }

    /**
     * Checks, before any work, that two images can be a rectified pair: one size. Estimating checks this
     * too; call it to fail before loading a model.
     *
     * @param left  the left image
     * @param right the right image
     * @throws InputException naming both sizes (and files) when they differ
     */
    public static void checkPair(InputImage left, InputImage right) {
        try {
            bgnet.model.io.StereoPairSize.require(left.gray, right.gray, left.name, right.name);
        } catch (IllegalArgumentException e) {
            throw Errors.input(e);
        }
    }

    /**
     * The width.
     *
     * @return the image's width in pixels
     */
    public int width() {
        return gray.width();
    }

    /**
     * The height.
     *
     * @return the image's height in pixels
     */
    public int height() {
        return gray.height();
    }

    /**
     * Where the image came from.
     *
     * @return the file it was read from, or null when it came from memory
     */
    public Path file() {
        return file;
    }

    GrayImage gray() {
        return gray;
    }

    /** The name used in messages (the file's path), or null. */
    String name() {
        return name;
    }

    /** The colours, decoded again (they are needed only for a point cloud). */
    RgbImage colours() {
        try {
            if (file != null) {
                return ImageReader.readRgb(file);
            }
        } catch (ImageFormatException e) {
            throw Errors.input(e);
        } catch (MemoryShortage e) {
            throw Errors.refused(e);
        }
        if (buffered != null) {
            return ImageReader.toRgb(buffered);
        }
        int[] rgb = new int[gray.pixels().length];
        for (int i = 0; i < rgb.length; i++) {
            int v = (int) gray.pixels()[i];
            rgb[i] = v << 16 | v << 8 | v;
        }
        return new RgbImage(gray.width(), gray.height(), rgb);
    }
}
