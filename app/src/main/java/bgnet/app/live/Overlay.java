package bgnet.app.live;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Text lines on translucent bars along the top and bottom edges of a view. */
final class Overlay {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int BAR = 20;

    private Overlay() {
    }

    static void draw(BufferedImage image, String top, String bottom) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            int w = image.getWidth(), h = image.getHeight();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, BAR);
            g.fillRect(0, h - BAR, w, BAR);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            int baseline = BAR - 6;
            g.drawString(top, 6, baseline);
            g.drawString(bottom, 6, h - BAR + baseline);
        } finally {
            g.dispose();
        }
    }
}
