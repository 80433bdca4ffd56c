package bgnet.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every unusable file gives a CheckpointException whose one-line message names file and problem. */
class StateDictErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertProblem(dir.resolve("nope.pth"), "file not found");
    }

    @Test
    void directory() {
        assertProblem(dir, "is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        assertProblem(Files.write(dir.resolve("empty.pth"), new byte[0]), "not a PyTorch checkpoint (empty file)");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 6_000_000, 12_026_547})
    void truncatedZip(int keptBytes) throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.fixture("bgnet_random.pth"));
        assertTrue(keptBytes < whole.length);
        Path cut = Files.write(dir.resolve("cut.pth"), Arrays.copyOf(whole, keptBytes));
        assertProblem(cut, "truncated or corrupt zip file");
    }

    @Test
    void textFile() throws IOException {
        Path text = Files.writeString(dir.resolve("weights.pth"), "these are not weights\n");
        assertProblem(text, "not a PyTorch checkpoint (not a zip file)");
    }

    @Test
    void plainPickleIsNotMistakenForALegacyCheckpoint() throws IOException {
        // pickle.dumps(5, protocol=2)
        Path pickle = Files.write(dir.resolve("five.pkl"), bytes(0x80, 0x02, 'K', 5, '.'));
        assertProblem(pickle, "not a PyTorch checkpoint (not a zip file)");
    }

    @Test
    void legacyCheckpoint() throws IOException {
        // A pre-1.6 torch.save starts with pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2):
        // PROTO 2, LONG1 of 10 little-endian bytes, STOP; then the protocol version 1001, and more.
        byte[] head = bytes(0x80, 0x02, 0x8a, 0x0a,
                0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, '.',
                0x80, 0x02, 'M', 0xe9, 0x03, '.');
        Path legacy = Files.write(dir.resolve("legacy.pth"), head);
        assertProblem(legacy, "legacy (pre-1.6) PyTorch checkpoint: re-save it with torch>=1.6 "
                + "torch.save(..., _use_new_zipfile_serialization=True)");
    }

    @Test
    void zipWithoutDataPkl() throws IOException {
        Path zip = dir.resolve("foreign.pth");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            putEntry(out, "archive/readme.txt", "hello".getBytes(StandardCharsets.US_ASCII));
            putEntry(out, "archive/data/0", new byte[16]);
        }
        assertProblem(zip, "foreign zip: no <root>/data.pkl entry");
    }

    @Test
    void garbledPickle() throws IOException {
        Path zip = dir.resolve("garbled.pth");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            putEntry(out, "garbled/data.pkl", bytes(0x80, 0x02, 's', 's', 0xff));
            putEntry(out, "garbled/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertProblem(zip, "corrupt or unsupported data.pkl");
    }

    @Test
    void storageShorterThanItsElementCount() {
        assertProblem(TestFiles.synthetic("short_storage.pth"),
                "storage data/0 is truncated: it holds 20 bytes but 6 float32 elements need 24");
    }

    @Test
    void viewBeyondItsStorage() {
        assertProblem(TestFiles.synthetic("out_of_bounds.pth"), "reaches element 4 of storage data/0 which holds 4");
    }

    @Test
    void complexDtype() {
        assertProblem(TestFiles.synthetic("complex.pth"), "tensor 'w' has unsupported dtype complex64");
    }

    @Test
    void unknownStorageClass() {
        assertProblem(TestFiles.synthetic("unknown_storage.pth"), "tensor 'w' has unsupported dtype torch.MysteryStorage");
    }

    @Test
    void wholePickledModel() {
        assertProblem(TestFiles.synthetic("full_model.pth"),
                "data.pkl holds a pickled Python object models.bgnet.BGNet, not a state_dict");
    }

    @Test
    void dictMixingTensorsAndOtherValues() {
        assertProblem(TestFiles.synthetic("mixed.pth"), "entry 'step' is an int, not a tensor");
    }

    private static void assertProblem(Path file, String problem) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> StateDict.read(file));
        String message = e.getMessage();
        assertTrue(message.contains(problem), () -> "message lacks '" + problem + "': " + message);
        assertTrue(message.contains(file.toString()), () -> "message does not name the file: " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "message spans lines: " + message);
        assertEquals(file, e.file());
    }

    private static void putEntry(ZipOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(data);
        out.closeEntry();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
