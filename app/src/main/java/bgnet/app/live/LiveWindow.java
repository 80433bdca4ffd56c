package bgnet.app.live;

import org.bytedeco.javacv.CanvasFrame;

import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;

/** The on-screen view (a JavaCV CanvasFrame); typed keys and closing the window go to the controls. */
final class LiveWindow implements FrameSink {

    private final CanvasFrame canvas;

    private LiveWindow(CanvasFrame canvas) {
        this.canvas = canvas;
    }

    /** Opens the window, or explains in one line why there is no screen to open it on. */
    static LiveWindow open(String title, ViewControls controls) throws SourceException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new SourceException("no display to open a window on (set DISPLAY, or use --headless)");
        }
        try {
            // Gamma 1.0: the frames are already display-ready sRGB, and it skips a slow colour-profile lookup.
            CanvasFrame canvas = new CanvasFrame(title, 1.0);
            SwingUtilities.invokeAndWait(() -> {
                canvas.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                KeyAdapter keys = new KeyAdapter() {
                    @Override
                    public void keyTyped(KeyEvent e) {
                        controls.key(e.getKeyChar());
                    }
                };
                canvas.addKeyListener(keys);
                canvas.getCanvas().addKeyListener(keys);
                canvas.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosing(WindowEvent e) {
                        controls.quit();
                    }
                });
            });
            return new LiveWindow(canvas);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while opening the window");
        } catch (java.awt.HeadlessException | java.awt.AWTError | InvocationTargetException e) {
            throw new SourceException("cannot open a window (" + e.getClass().getSimpleName() + "): set DISPLAY, or use --headless");
        }
    }

    @Override
    public void accept(BufferedImage view, long capturedNanos) {
        if (canvas.isDisplayable()) {
            canvas.showImage(view);
        }
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(canvas::dispose);
    }
}
