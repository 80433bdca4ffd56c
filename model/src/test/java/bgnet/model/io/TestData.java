package bgnet.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Access to the PyTorch reference fixtures and small helpers shared by the io tests. */
final class TestData {
    private TestData() {
    }

    static Path fixture(String name) {
        String root = System.getProperty("bgnet.testdata");
        if (root == null) {
            throw new IllegalStateException("system property bgnet.testdata is not set (run the tests through Maven)");
        }
        Path file = Path.of(root, name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing fixture " + file);
        }
        return file;
    }

    /** A raw little-endian float32 fixture. */
    static float[] readF32(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** Names of everything in a folder, hidden files included. */
    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
