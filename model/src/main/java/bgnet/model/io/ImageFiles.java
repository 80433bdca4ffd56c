package bgnet.model.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import bgnet.model.MemoryBudget;
import bgnet.model.MemoryShortage;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Image files through javax.imageio, with one-line errors that name the path. */
final class ImageFiles {
    /** Decoded image (up to 8 bytes per pixel for 16-bit RGBA), RGB ints and grey floats. */
    private static final long DECODE_BYTES_PER_PIXEL = 16;

    private ImageFiles() {
    }

    static BufferedImage read(Path file) throws ImageFormatException {
        java.util.Optional<String> problem = InputFiles.problem(file, "an image");
        if (problem.isPresent()) {
            throw new ImageFormatException(file + ": " + problem.get());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageFormatException(file + ": not a readable image (no ImageIO reader)");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(file, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        } catch (ImageFormatException | MemoryShortage e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders throw RuntimeExceptions too on some truncated or corrupt files.
            throw new ImageFormatException(file + ": not a readable image (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** The header's size, checked before decoding: a small file may declare a huge image. */
    private static void checkSize(Path file, int width, int height) throws ImageFormatException {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new ImageFormatException(file + ": not a readable image (it declares " + width + "x" + height + " pixels)");
        }
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new ImageFormatException(file + ": image is " + width + "x" + height
                    + ", over 2^31 pixels, too large to process");
        }
        MemoryBudget.require(pixels * DECODE_BYTES_PER_PIXEL, "decoding " + file + " (" + width + "x" + height + ")",
                "use a smaller image");
    }

    /** An 8-bit RGB PNG (no alpha). */
    static void writeRgbPng(Path target, RgbImage rgb) throws OutputException {
        BufferedImage image = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb.width(), rgb.height(), rgb.rgb(), 0, rgb.width());
        writePng(target, image);
    }

    static void writePng(Path target, BufferedImage image) throws OutputException {
        AtomicFile.write(target, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            if (!writers.hasNext()) {
                throw new IOException("no PNG writer in this JDK");
            }
            ImageWriter writer = writers.next();
            // An in-memory cache: ImageIO's default would put a second temporary file in java.io.tmpdir.
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(image);
            } finally {
                writer.dispose();
            }
        });
    }
}
