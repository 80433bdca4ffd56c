package bgnet.app.live;

/** How a run ended: the line printed for it, and whether that is an error (exit status 1). */
record Outcome(String message, boolean failed) {
    static Outcome ok(String message) {
        return new Outcome(message, false);
    }

    static Outcome error(String message) {
        return new Outcome(message, true);
    }
}
