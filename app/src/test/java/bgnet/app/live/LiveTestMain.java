package bgnet.app.live;

import picocli.CommandLine;

/** `live` as its own program with the test block matcher, for tests that need a separate process (a display). */
public final class LiveTestMain {

    private LiveTestMain() {
    }

    public static void main(String[] args) {
        // -Dbgnet.test.delayMillis slows each frame down, like a large network on a slow machine.
        long delay = Long.getLong("bgnet.test.delayMillis", 0);
        System.exit(new CommandLine(new LiveCommand(o -> new BlockMatcher(16, delay))).execute(args));
    }
}
