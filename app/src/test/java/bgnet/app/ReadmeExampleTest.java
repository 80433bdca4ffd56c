package bgnet.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Use it from Java" program is the examples project's source, character for character, so
 * that what ExampleProjectIT builds and runs is what a reader copies.
 */
class ReadmeExampleTest {
    static final Path ROOT = Path.of(System.getProperty("bgnet.testdata")).getParent().getParent();

    @Test
    void readmeJavaBlockIsTheExampleSource() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("\n## Use it from Java\n");
        assertTrue(section >= 0, "README has no \"Use it from Java\" section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```\n", start + 8);
        assertTrue(start >= 0 && end > start, "no ```java block in the section");
        String block = readme.substring(start + "```java\n".length(), end);
        String source = Files.readString(ROOT.resolve("examples/src/main/java/bgnet/examples/StereoExample.java"));
        assertEquals(source, block);
    }
}
