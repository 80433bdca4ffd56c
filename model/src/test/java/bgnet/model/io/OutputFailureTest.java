package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every writer: a clear one-line error naming the path, and nothing left behind. */
class OutputFailureTest {

    @TempDir
    Path dir;

    interface Writer {
        void write(Path target) throws IOException;
    }

    private static final DisparityMap DISPARITY = new DisparityMap(3, 2, new float[] {1, 2, 3, 4, 5, 6});

    static Stream<Arguments> writers() {
        CameraIntrinsics camera = CameraIntrinsics.centred(100, 0.1, 3, 2);
        return Stream.of(
                Arguments.of("pfm", (Writer) t -> PfmFile.write(t, DISPARITY)),
                Arguments.of("kitti png", (Writer) t -> KittiPng.write(t, DISPARITY)),
                Arguments.of("colour map", (Writer) t -> new ColorMap(ColorMapKind.TURBO, 0, 6).writePng(t, DISPARITY)),
                Arguments.of("depth pfm", (Writer) t -> DepthMap.fromDisparity(DISPARITY, 100, 0.1).writePfm(t)),
                Arguments.of("depth png", (Writer) t -> DepthMap.fromDisparity(DISPARITY, 100, 0.1).writePngMillimetres(t)),
                Arguments.of("ply", (Writer) t -> PlyWriter.write(t,
                        PointCloud.fromDisparity(DISPARITY, new RgbImage(3, 2, new int[6]), camera))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void missingFolderGivesOneLineAndNoFile(String name, Writer writer) throws IOException {
        Path target = dir.resolve("no-such-folder").resolve("out.bin");

        OutputException e = assertThrows(OutputException.class, () -> writer.write(target));

        assertEquals(target + ": cannot write, folder " + target.getParent() + " does not exist", e.getMessage());
        assertEquals(List.of(), TestData.listing(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void pathUnderARegularFileGivesOneLineAndNoFile(String name, Writer writer) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = file.resolve("out.bin");

        OutputException e = assertThrows(OutputException.class, () -> writer.write(target));

        assertEquals(target + ": cannot write, " + file + " is not a folder", e.getMessage());
        assertEquals(List.of("plain.txt"), TestData.listing(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void successLeavesOnlyTheTarget(String name, Writer writer) throws IOException {
        Path target = dir.resolve("out.bin");
        writer.write(target);
        assertEquals(List.of("out.bin"), TestData.listing(dir));
        assertTrue(Files.size(target) > 0);
    }

    @Test
    void targetThatIsAFolderIsRejected() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("taken.pfm"));
        OutputException e = assertThrows(OutputException.class, () -> PfmFile.write(folder, DISPARITY));
        assertEquals(folder + ": cannot write, it is a folder", e.getMessage());
        assertEquals(List.of("taken.pfm"), TestData.listing(dir));
    }

    @Test
    void failureHalfwayLeavesNoTempAndTheOldFileIntact() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");

        OutputException e = assertThrows(OutputException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));

        assertEquals(target + ": write failed (disk full)", e.getMessage());
        assertEquals(List.of("out.txt"), TestData.listing(dir));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void programmingErrorInTheBodyPropagatesAndCleansUp() {
        Path target = dir.resolve("out.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertFalse(Files.exists(target));
        assertTrue(dir.toFile().list().length == 0);
    }

    @Test
    void successReplacesAnExistingFileWithOrdinaryPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old contents, longer");
        Path reference = Files.createFile(dir.resolve("reference.txt"));

        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));

        assertArrayEquals("new".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(target));
        assertEquals(List.of("out.txt", "reference.txt"), TestData.listing(dir));
        // Same permissions as any newly created file (umask), not the owner-only of a JDK temp file.
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
            assertEquals(expected, Files.getPosixFilePermissions(target));
        }
    }
}
