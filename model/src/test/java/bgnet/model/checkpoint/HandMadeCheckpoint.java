package bgnet.model.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes torch-style checkpoints byte by byte (pickle protocol 2), for shapes of attack that no real
 * torch.save produces: a one-tensor state dict whose storage declares {@code numel} float32 elements.
 */
public final class HandMadeCheckpoint {
    private HandMadeCheckpoint() {
    }

    /** {'w': tensor of numel float32} whose storage data/0 holds {@code storageBytes} zero bytes. */
    public static Path oneTensor(Path file, long numel, long storageBytes) throws IOException {
        return oneTensor(file, numel, numel, storageBytes);
    }

    /** {'w': 1-d tensor of {@code size} float32 elements} on a storage that declares {@code numel}. */
    public static Path oneTensor(Path file, long size, long numel, long storageBytes) throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        global(p, "collections", "OrderedDict");
        p.write(')');
        p.write('R');
        p.write('(');
        unicode(p, "w");
        global(p, "torch._utils", "_rebuild_tensor_v2");
        p.write('(');
        p.write('(');
        unicode(p, "storage");
        global(p, "torch", "FloatStorage");
        unicode(p, "0");
        unicode(p, "cpu");
        longInt(p, numel);
        p.write('t');
        p.write('Q');  // BINPERSID
        p.write(new byte[] {'K', 0});
        p.write('(');
        longInt(p, size);
        p.write('t');
        p.write(new byte[] {'(', 'K', 1, 't'});
        p.write(0x89);  // False
        global(p, "collections", "OrderedDict");
        p.write(')');
        p.write('R');
        p.write('t');
        p.write('R');
        p.write('u');
        p.write('.');
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "archive/data.pkl", p.toByteArray());
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            zeros(zip, storageBytes);
            zip.closeEntry();
        }
        return file;
    }

    /** A zip holding only {@code data.pkl}. */
    public static Path pickleOnly(Path file, byte[] pickle) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "x/data.pkl", pickle);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static void zeros(OutputStream out, long n) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = n; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static void global(ByteArrayOutputStream p, String module, String name) {
        p.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void unicode(ByteArrayOutputStream p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.write('X');
        p.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        p.writeBytes(b);
    }

    // LONG1: little-endian two's complement, any size.
    private static void longInt(ByteArrayOutputStream p, long v) {
        byte[] b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putLong(v).put((byte) 0).array();
        p.write(0x8a);
        p.write(9);
        p.writeBytes(b);
    }
}
