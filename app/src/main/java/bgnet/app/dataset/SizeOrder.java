package bgnet.app.dataset;

import bgnet.model.io.InputPadding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Orders pairs so that those of one padded size run one after another: the estimator keeps one plan
 * (and, on TornadoVM, its compiled kernels) per size and replaces it when the size changes, so each
 * distinct size is planned once and only one size's buffers are held at a time. Sizes come from the
 * image headers; a pair whose header cannot be read goes last (reading it then reports the problem).
 */
final class SizeOrder {
    private static final long UNKNOWN = Long.MAX_VALUE;

    private SizeOrder() {
    }

    static List<DatasetPair> bySize(List<DatasetPair> pairs) {
        Map<DatasetPair, Long> key = pairs.stream().collect(Collectors.toMap(Function.identity(), p -> paddedArea(p.left()),
                (a, b) -> a));
        return pairs.stream().sorted(Comparator.comparingLong(key::get)).toList(); // stable: name order within a size
    }

    /** Padded height and width packed into one sortable number. */
    private static long paddedArea(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) {
                return UNKNOWN;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return UNKNOWN;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) InputPadding.paddedSize(reader.getHeight(0)) << 32 | InputPadding.paddedSize(reader.getWidth(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
