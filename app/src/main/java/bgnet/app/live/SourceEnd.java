package bgnet.app.live;

/** Why frames stopped coming: the normal end of a file, or a failure (exit status 1). */
record SourceEnd(String message, boolean failed) {
    static SourceEnd finished(String message) {
        return new SourceEnd(message, false);
    }

    static SourceEnd failure(String message) {
        return new SourceEnd(message, true);
    }
}
