package bgnet.app.live;

import picocli.CommandLine;

/** `live` as its own program with the test block matcher, for tests that need a separate process (a display). */
public final class LiveTestMain {

    private LiveTestMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveCommand(o -> new BlockMatcher(16, 0))).execute(args));
    }
}
