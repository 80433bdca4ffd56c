package bgnet.model.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.razorvine.pickle.Unpickler;

/** Looks at a file's first bytes to say what it is when it is not a zip checkpoint. */
final class FormatProbe {
    /** torch.serialization's MAGIC_NUMBER, pickled first in every pre-1.6 (non-zip) checkpoint. */
    static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private static final int HEAD = 64;

    private FormatProbe() {
    }

    /** Returns if {@code file} starts like a zip archive, else throws naming what it looks like. */
    static void requireZip(Path file) throws CheckpointException {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new CheckpointException(file, "not a PyTorch checkpoint (empty file)");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return;
        }
        if (isLegacyTorch(head)) {
            throw new CheckpointException(file, "legacy (pre-1.6) PyTorch checkpoint: re-save it with torch>=1.6 "
                    + "torch.save(..., _use_new_zipfile_serialization=True)");
        }
        throw new CheckpointException(file, "not a PyTorch checkpoint (not a zip file)");
    }

    private static byte[] head(Path file) throws CheckpointException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the file (" + e + ")", e);
        }
    }

    // A legacy file is a sequence of pickles (protocol 2) and the first one is the magic number.
    private static boolean isLegacyTorch(byte[] head) {
        if (head.length < 2 || (head[0] & 0xff) != 0x80 || head[1] != 2) {
            return false;
        }
        try {
            Object first = new Unpickler().loads(Arrays.copyOf(head, head.length));
            return first instanceof BigInteger number && number.equals(LEGACY_MAGIC);
        } catch (IOException | RuntimeException e) {
            return false; // not even one complete pickle in the first bytes
        }
    }
}
