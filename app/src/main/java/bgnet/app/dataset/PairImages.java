package bgnet.app.dataset;

import bgnet.model.io.GrayImage;
import bgnet.model.io.ImageFormatException;
import bgnet.model.io.ImageReader;

/** A pair's two images, read and checked to be one size. */
record PairImages(GrayImage left, GrayImage right) {

    static PairImages read(DatasetPair pair) throws ImageFormatException {
        GrayImage l = ImageReader.readGray(pair.left());
        GrayImage r = ImageReader.readGray(pair.right());
        Folders.requireSameSize(pair.left(), l.width(), l.height(), pair.right(), r.width(), r.height());
        return new PairImages(l, r);
    }
}
