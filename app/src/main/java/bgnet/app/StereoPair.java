package bgnet.app;

import bgnet.model.io.GrayImage;
import bgnet.model.io.StereoPairSize;

import java.nio.file.Path;

/** The commands' check that --left and --right have one size, as a one-line user error naming both files. */
final class StereoPair {
    private StereoPair() {
    }

    static void requireSameSize(GrayImage left, GrayImage right, Path leftFile, Path rightFile) {
        try {
            StereoPairSize.require(left, right, leftFile.toString(), rightFile.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
