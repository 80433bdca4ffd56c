package bgnet.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputPaddingTest {

    /** A pixel value that tells where it came from. */
    private static GrayImage numbered(int w, int h) {
        float[] p = new float[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return new GrayImage(w, h, p);
    }

    @ParameterizedTest
    @CsvSource({"1,64", "63,64", "64,64", "65,128", "400,448", "1300,1344", "1280,1280"})
    void sizesGoUpToTheNextMultipleOf64(int size, int padded) {
        assertEquals(padded, InputPadding.paddedSize(size));
    }

    @ParameterizedTest
    @CsvSource({"256,128", "64,64", "1280,384"})
    void multiplesOf64AreUntouched(int w, int h) {
        GrayImage image = numbered(w, h);
        assertSame(image, InputPadding.pad(image));
    }

    @Test
    void kittiSizedImageIsMirroredAtTopAndRight() {
        GrayImage src = numbered(1300, 400);
        GrayImage out = InputPadding.pad(src);

        assertEquals(1344, out.width());
        assertEquals(448, out.height());
        int top = 48;
        // The original sits at the bottom left.
        assertEquals(src.at(0, 0), out.at(0, top));
        assertEquals(src.at(1299, 399), out.at(1299, 447));
        assertEquals(src.at(517, 211), out.at(517, top + 211));
        // Top rows: the edge row repeated, then going inwards.
        assertEquals(src.at(5, 0), out.at(5, top - 1));
        assertEquals(src.at(5, 1), out.at(5, top - 2));
        assertEquals(src.at(5, 47), out.at(5, 0));
        // Right columns likewise.
        assertEquals(src.at(1299, 10), out.at(1300, top + 10));
        assertEquals(src.at(1298, 10), out.at(1301, top + 10));
        assertEquals(src.at(1256, 10), out.at(1343, top + 10));
        // The corner block mirrors both ways.
        assertEquals(src.at(1299, 0), out.at(1300, top - 1));
        assertEquals(src.at(1256, 47), out.at(1343, 0));
    }

    @Test
    void padLargerThanTheImageKeepsMirroringLikeNumpy() {
        GrayImage src = numbered(3, 10);
        GrayImage out = InputPadding.pad(src);
        assertEquals(64, out.width());
        assertEquals(64, out.height());

        // numpy: np.pad([0,1,2], (0,61), 'symmetric') = 0 1 2 2 1 0 0 1 2 2 1 0 ...
        List<Integer> columns = bounce(3, 64);
        // The 54 rows above the image, read upwards from the image's edge: 0 1 .. 9 9 8 .. 0 0 1 ...
        List<Integer> rowsUp = bounce(10, 54);
        for (int py = 0; py < 64; py++) {
            int srcY = py >= 54 ? py - 54 : rowsUp.get(53 - py);
            for (int px = 0; px < 64; px++) {
                assertEquals(src.at(columns.get(px), srcY), out.at(px, py), "pixel " + px + "," + py);
            }
        }
    }

    /** 0..n-1, n-1..0, 0..n-1, ... as a list of the given length. */
    private static List<Integer> bounce(int n, int length) {
        List<Integer> out = new ArrayList<>();
        boolean forward = true;
        while (out.size() < length) {
            for (int k = 0; k < n && out.size() < length; k++) {
                out.add(forward ? k : n - 1 - k);
            }
            forward = !forward;
        }
        return out;
    }

    @Test
    void cropUndoesPad() {
        GrayImage src = numbered(1300, 400);
        GrayImage padded = InputPadding.pad(src);
        DisparityMap asDisparity = new DisparityMap(padded.width(), padded.height(), padded.pixels());

        DisparityMap cropped = InputPadding.crop(asDisparity, 1300, 400);

        assertEquals(1300, cropped.width());
        assertEquals(400, cropped.height());
        assertArrayEquals(src.pixels(), cropped.values());
    }

    @Test
    void cropRejectsSizesLargerThanTheMap() {
        DisparityMap map = new DisparityMap(64, 64, new float[64 * 64]);
        assertThrows(IllegalArgumentException.class, () -> InputPadding.crop(map, 65, 10));
        assertThrows(IllegalArgumentException.class, () -> InputPadding.crop(map, 10, 0));
    }
}
