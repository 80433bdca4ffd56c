package bgnet.model.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints made to hurt the reader: one line naming the file and the problem, quickly, nothing escapes. */
class HostileCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aSmallTensorReadsBack() throws Exception {
        Path file = HandMadeCheckpoint.oneTensor(dir.resolve("ok.pth"), 3, 12);
        TensorData w = StateDict.read(file).get("w");
        assertEquals(3, w.values().length);
    }

    @Test
    void aPickleNestedAMillionDeepAsADictKey() throws IOException {
        int n = 1_000_000;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) 0x80, 2, '}'});
        p.writeBytes("]".repeat(n).getBytes());
        p.writeBytes("a".repeat(n - 1).getBytes());
        p.writeBytes("Ns.".getBytes());
        assertProblem(HandMadeCheckpoint.pickleOnly(dir.resolve("deep.pth"), p.toByteArray()), "corrupt or unsupported data.pkl");
    }

    @Test
    void aPickleNestedAMillionDeepAsAValue() throws IOException {
        int n = 1_000_000;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) 0x80, 2, '}', 'X', 1, 0, 0, 0, 'k'});
        p.writeBytes("]".repeat(n).getBytes());
        p.writeBytes("a".repeat(n - 1).getBytes());
        p.writeBytes("s.".getBytes());
        assertProblem(HandMadeCheckpoint.pickleOnly(dir.resolve("deep2.pth"), p.toByteArray()), "data.pkl");
    }

    @Test
    void aPickleThatCallsOsSystemRunsNothing() throws IOException {
        Path marker = dir.resolve("pwned");
        for (String global : new String[] {"os\nsystem", "posix\nsystem", "builtins\neval", "subprocess\ncall"}) {
            byte[] pickle = ("c" + global + "\n(S'touch " + marker + "'\ntR.").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Path file = HandMadeCheckpoint.pickleOnly(dir.resolve("evil.pth"), pickle);
            CheckpointException e = assertThrows(CheckpointException.class, () -> StateDict.read(file));
            assertTrue(e.getMessage().startsWith("checkpoint " + file + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertFalse(java.nio.file.Files.exists(marker), "the pickle ran a command via " + global);
        }
    }

    @Test
    void aStorageWhoseSizeOverflowsIsNamedWithTheFile() throws IOException {
        Path file = HandMadeCheckpoint.oneTensor(dir.resolve("huge.pth"), 4, 1L << 62, 16);
        assertProblem(file, "storage data/0 is over 2 GiB");
    }

    @Test
    void aStorageLargerThanItsZipEntryIsRefusedBeforeReading() throws IOException {
        Path file = HandMadeCheckpoint.oneTensor(dir.resolve("short.pth"), 500_000_000L, 1024);
        assertProblem(file, "storage data/0 is truncated: it holds 1024 bytes but 500000000 float32 elements need 2000000000");
    }

    private static void assertProblem(Path file, String problem) {
        CheckpointException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CheckpointException.class, () -> StateDict.read(file)));
        String message = e.getMessage();
        assertTrue(message.contains(problem), () -> "message lacks '" + problem + "': " + message);
        assertTrue(message.startsWith("checkpoint " + file + ": "), message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }
}
