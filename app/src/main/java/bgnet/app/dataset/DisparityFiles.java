package bgnet.app.dataset;

import bgnet.model.io.DisparityMap;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.KittiPng;
import bgnet.model.io.OutputException;
import bgnet.model.io.PfmFile;

import java.nio.file.Path;
import java.util.Locale;

/** Disparity files by extension: .png is KITTI's 16-bit format (d*256, 0 = invalid), .pfm is float32. */
final class DisparityFiles {
    private DisparityFiles() {
    }

    static DisparityMap read(Path file) throws ImageFormatException {
        return isPng(file) ? KittiPng.read(file) : PfmFile.read(file);
    }

    /** Written atomically: a reader sees the old file or the whole new one. */
    static void write(Path target, DisparityMap map) throws OutputException {
        if (isPng(target)) {
            KittiPng.write(target, map);
        } else {
            PfmFile.write(target, map);
        }
    }

    private static boolean isPng(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }
}
