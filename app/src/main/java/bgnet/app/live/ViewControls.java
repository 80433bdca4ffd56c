package bgnet.app.live;

import bgnet.model.io.ColorMapKind;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the viewer asked for with the keyboard; written by the window's event thread, read by the
 * inference loop once per frame.
 */
final class ViewControls {

    static final String HELP = "c colour map   d depth/disparity   k confidence   s snapshot   q quit";
    private static final char ESCAPE = 27;

    private volatile ColorMapKind colorMap;
    private volatile boolean depth;
    private volatile boolean confidence;
    private volatile boolean quit;
    private final AtomicBoolean snapshot = new AtomicBoolean();

    ViewControls(ColorMapKind colorMap) {
        this.colorMap = colorMap;
    }

    /** Acts on one typed key; false when the key means nothing here. */
    boolean key(char c) {
        switch (Character.toLowerCase(c)) {
            case 'c' -> colorMap = ColorMapKind.values()[(colorMap.ordinal() + 1) % ColorMapKind.values().length];
            case 'd' -> depth = !depth;
            case 'k' -> confidence = !confidence;
            case 's' -> snapshot.set(true);
            case 'q', ESCAPE -> quit = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    ColorMapKind colorMap() {
        return colorMap;
    }

    boolean showDepth() {
        return depth;
    }

    /** Show the network's confidence instead of disparity or depth (computed only while shown). */
    boolean showConfidence() {
        return confidence;
    }

    /** True once per press of the snapshot key. */
    boolean takeSnapshotRequest() {
        return snapshot.getAndSet(false);
    }

    void quit() {
        quit = true;
    }

    boolean quitRequested() {
        return quit;
    }
}
