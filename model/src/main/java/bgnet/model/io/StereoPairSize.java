package bgnet.model.io;

/** The one check that a stereo pair's two images have one size (a rectified pair always has), with the one message. */
public final class StereoPairSize {
    private StereoPairSize() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming both sizes when {@code left} and {@code right}
     * differ; {@code leftName}/{@code rightName} (file names, may be null) make the message point at them.
     */
    public static void require(GrayImage left, GrayImage right, String leftName, String rightName) {
        if (left.width() != right.width() || left.height() != right.height()) {
            throw new IllegalArgumentException("left image " + named(leftName) + "is " + left.width() + "x"
                    + left.height() + " but right image " + named(rightName) + "is " + right.width() + "x"
                    + right.height() + "; a rectified pair has one size");
        }
    }

    private static String named(String name) {
        return name == null ? "" : name + " ";
    }
}
