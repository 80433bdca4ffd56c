package bgnet.model.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Image files through javax.imageio, with one-line errors that name the path. */
final class ImageFiles {
    private ImageFiles() {
    }

    static BufferedImage read(Path file) throws ImageFormatException {
        java.util.Optional<String> problem = InputFiles.problem(file, "an image");
        if (problem.isPresent()) {
            throw new ImageFormatException(file + ": " + problem.get());
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // Decoders throw RuntimeExceptions too on some truncated or corrupt files.
            throw new ImageFormatException(file + ": not a readable image (" + IoMessages.reason(e) + ")", e);
        }
        if (image == null) {
            throw new ImageFormatException(file + ": not a readable image (no ImageIO reader)");
        }
        return image;
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
