package bgnet.app.live;

import org.bytedeco.opencv.opencv_core.Mat;

/** Two grabbers, one per eye (two cameras, or two videos); the pair ends when either ends. */
final class DualGrabber implements PairGrabber {

    private final OpenedGrabber left;
    private final OpenedGrabber right;

    DualGrabber(OpenedGrabber left, OpenedGrabber right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean grabInto(Mat leftOut, Mat rightOut) throws SourceException {
        Mat l = left.grab();
        if (l == null) {
            return false;
        }
        l.copyTo(leftOut);
        Mat r = right.grab();
        if (r == null) {
            return false;
        }
        if (r.cols() != l.cols() || r.rows() != l.rows()) {
            throw new SourceException(left.name() + " gives " + l.cols() + "x" + l.rows() + " frames but "
                    + right.name() + " gives " + r.cols() + "x" + r.rows() + "; both eyes must have the same size");
        }
        r.copyTo(rightOut);
        return true;
    }

    @Override
    public double frameRate() {
        return Math.min(left.frameRate(), right.frameRate());
    }

    @Override
    public String description() {
        return left.name() + " + " + right.name();
    }

    @Override
    public void close() {
        left.close();
        right.close();
    }
}
