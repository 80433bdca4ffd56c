package bgnet.app.live;

import bgnet.model.io.ColorMapKind;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.RgbImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The k key: the right panel shows the confidence (0..1 over the colour map) instead of the disparity. */
class ConfidenceViewTest {
    static final int W = 64;
    static final int H = 160;

    @Test
    void kTogglesTheConfidenceView() {
        ViewControls c = new ViewControls(ColorMapKind.TURBO);
        assertFalse(c.showConfidence());
        assertTrue(c.key('k'));
        assertTrue(c.showConfidence());
        c.key('K');
        assertFalse(c.showConfidence());
        assertTrue(ViewControls.HELP.contains("k confidence"));
    }

    @Test
    void thePanelIsTheConfidenceWhileShown() {
        float[] d = new float[W * H];
        float[] conf = new float[W * H];
        for (int i = 0; i < d.length; i++) {
            d[i] = 10;
            conf[i] = (i % W) / (float) (W - 1);
        }
        StereoFrame frame = new StereoFrame(0, new GrayImage(W, H, new float[W * H]), new GrayImage(W, H, new float[W * H]),
                new RgbImage(W, H, new int[W * H]), Optional.empty(), System.nanoTime());
        ViewControls controls = new ViewControls(ColorMapKind.GRAY);
        RunStats stats = new RunStats();
        stats.frameDone(0, 0, 1_000_000);
        FrameRenderer renderer = new FrameRenderer("test");
        DisparityMap disparity = new DisparityMap(W, H, d);
        ConfidenceMap confidence = new ConfidenceMap(W, H, conf);

        int y = H / 2;  // between the overlay bars
        BufferedImage plain = renderer.render(frame, disparity, confidence, controls, stats, null);
        assertEquals(plain.getRGB(W + 1, y) & 0xFFFFFF, plain.getRGB(W + W - 2, y) & 0xFFFFFF,
                "a constant disparity is one colour while the confidence is not shown");

        controls.key('k');
        BufferedImage shown = renderer.render(frame, disparity, confidence, controls, stats, null);
        for (int x : new int[] {0, W / 2, W - 1}) {
            assertEquals(ColorMapKind.GRAY.rgb(conf[y * W + x]), shown.getRGB(W + x, y) & 0xFFFFFF, "column " + x);
        }
        assertNotEquals(shown.getRGB(W, y), shown.getRGB(2 * W - 1, y));
    }
}
