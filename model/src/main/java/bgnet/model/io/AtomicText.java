package bgnet.model.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A text file (JSON, CSV reports) written the all-or-nothing way of {@link AtomicFile}. */
public final class AtomicText {
    private AtomicText() {
    }

    /** UTF-8; readers see the old file or the complete new one, never a part. */
    public static void write(Path target, String text) throws OutputException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, out -> out.write(bytes));
    }
}
