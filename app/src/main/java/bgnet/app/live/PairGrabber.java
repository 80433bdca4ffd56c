package bgnet.app.live;

import org.bytedeco.opencv.opencv_core.Mat;

/** Raw (unrectified) BGR image pairs from JavaCV grabbers, copied into Mats the caller owns. */
interface PairGrabber extends AutoCloseable {

    /** Fills left and right with the next pair; false at the end of a file. Throws when a device fails. */
    boolean grabInto(Mat left, Mat right) throws SourceException;

    double frameRate();


    String description();

    @Override
    void close();
}
