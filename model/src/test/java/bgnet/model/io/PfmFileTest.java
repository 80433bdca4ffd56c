package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PfmFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsBitExact() throws IOException {
        float[] values = TestData.readF32(TestData.fixture("bgnet_small_out.f32"));
        values[0] = Float.NaN;
        values[1] = Float.POSITIVE_INFINITY;
        values[2] = -3.25f;
        values[3] = Float.MIN_VALUE;
        DisparityMap map = new DisparityMap(256, 128, values);
        Path file = dir.resolve("disp.pfm");

        PfmFile.write(file, map);
        DisparityMap back = PfmFile.read(file);

        assertEquals(256, back.width());
        assertEquals(128, back.height());
        assertArrayEquals(values, back.values());
        assertEquals(java.util.List.of("disp.pfm"), TestData.listing(dir));
    }

    @Test
    void writesGreyLittleEndianBottomRowFirst() throws IOException {
        DisparityMap map = new DisparityMap(3, 2, new float[] {1, 2, 3, 4, 5, 6});
        Path file = dir.resolve("small.pfm");

        PfmFile.write(file, map);

        byte[] bytes = Files.readAllBytes(file);
        byte[] header = "Pf\n3 2\n-1.0\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(header, Arrays.copyOf(bytes, header.length));
        assertEquals(header.length + 6 * 4, bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, header.length, 24).order(ByteOrder.LITTLE_ENDIAN);
        float[] stored = new float[6];
        data.asFloatBuffer().get(stored);
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, stored);
    }

    @Test
    void readsBigEndianColourFileTakingTheFirstChannel() throws IOException {
        // 2x2 "PF", positive scale = big-endian; stored bottom row first, 3 floats per pixel.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("PF\n2 2\n1.0\n".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(12 * 4).order(ByteOrder.BIG_ENDIAN);
        float[][] bottomThenTop = {{30, 40}, {10, 20}};
        for (float[] row : bottomThenTop) {
            for (float v : row) {
                data.putFloat(v).putFloat(-1).putFloat(-2);
            }
        }
        bytes.writeBytes(data.array());
        Path file = Files.write(dir.resolve("colour.pfm"), bytes.toByteArray());

        DisparityMap map = PfmFile.read(file);

        assertEquals(2, map.width());
        assertEquals(2, map.height());
        assertArrayEquals(new float[] {10, 20, 30, 40}, map.values());
    }

    @Test
    void headerTokensMayShareALine() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(2.5f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Pf 2 1 -1\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(data.array());
        Path file = Files.write(dir.resolve("oneline.pfm"), bytes.toByteArray());

        assertArrayEquals(new float[] {1.5f, 2.5f}, PfmFile.read(file).values());
    }

    @Test
    void rejectsNonPfmAndTruncatedFiles() throws IOException {
        Path png = TestData.fixture("small_left_src.png");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> PfmFile.read(png));
        assertTrue(e.getMessage().startsWith(png + ": not a PFM file"), e.getMessage());

        Path cut = Files.write(dir.resolve("cut.pfm"), "Pf\n4 4\n-1.0\n\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        e = assertThrows(ImageFormatException.class, () -> PfmFile.read(cut));
        assertEquals(cut + ": truncated PFM (64 bytes of pixels expected, 4 found)", e.getMessage());

        Path missing = dir.resolve("missing.pfm");
        e = assertThrows(ImageFormatException.class, () -> PfmFile.read(missing));
        assertEquals(missing + ": cannot read (no such file or folder)", e.getMessage());
    }
}
