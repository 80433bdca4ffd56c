package bgnet.app.live;

/** The top of the colour scale, eased from frame to frame so that colours do not flicker. */
final class SmoothedRange {

    private static final double KEEP = 0.8;

    private double top = -1;

    /** Folds in this frame's top value and returns the eased one (always > 0). */
    float update(float frameTop) {
        if (frameTop > 0) {
            top = top < 0 ? frameTop : KEEP * top + (1 - KEEP) * frameTop;
        }
        return top > 0 ? (float) top : 1f;
    }

    void reset() {
        top = -1;
    }
}
