package bgnet.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find their checkpoints. */
final class TestFiles {
    private TestFiles() {
    }

    /** A file of the shared fixtures folder (system property bgnet.testdata, set by surefire). */
    static Path fixture(String name) {
        String dir = System.getProperty("bgnet.testdata");
        assertNotNull(dir, "system property bgnet.testdata is not set (run the tests through Maven)");
        Path file = Path.of(dir, name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("missing fixture " + file);
        }
        return file;
    }

    /** A synthetic checkpoint made by src/test/resources/bgnet/model/checkpoint/make_synthetic.py. */
    static Path synthetic(String name) {
        URL url = TestFiles.class.getResource(name);
        assertNotNull(url, "missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
