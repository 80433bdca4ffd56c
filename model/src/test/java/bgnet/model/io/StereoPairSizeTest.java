package bgnet.model.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StereoPairSizeTest {

    private static GrayImage image(int w, int h) {
        return new GrayImage(w, h, new float[w * h]);
    }

    @Test
    void aPairOfOneSizePasses() {
        StereoPairSize.require(image(64, 32), image(64, 32), "l.png", "r.png");
    }

    @Test
    void theMessageNamesBothSizesAndFiles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StereoPairSize.require(image(250, 128), image(256, 128), "l.png", "r.png"));
        assertEquals("left image l.png is 250x128 but right image r.png is 256x128; a rectified pair has one size",
                e.getMessage());
    }

    @Test
    void withoutNamesTheMessageStillReads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StereoPairSize.require(image(64, 64), image(64, 128), null, null));
        assertEquals("left image is 64x64 but right image is 64x128; a rectified pair has one size", e.getMessage());
    }
}
