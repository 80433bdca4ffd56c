package bgnet.app.live;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** One grabber whose every image holds left|right side by side (the usual USB stereo camera format). */
final class SideBySideGrabber implements PairGrabber {

    private final OpenedGrabber grabber;

    SideBySideGrabber(OpenedGrabber grabber) {
        this.grabber = grabber;
    }

    @Override
    public boolean grabInto(Mat left, Mat right) throws SourceException {
        Mat both = grabber.grab();
        if (both == null) {
            return false;
        }
        int half = both.cols() / 2;
        if (both.cols() % 2 != 0 || half == 0) {
            throw new SourceException(grabber.name() + " gives " + both.cols() + "x" + both.rows()
                    + " frames, which cannot be split into two equal halves (is it a side-by-side stereo source?)");
        }
        try (Rect l = new Rect(0, 0, half, both.rows()); Rect r = new Rect(half, 0, half, both.rows());
             Mat lv = new Mat(both, l); Mat rv = new Mat(both, r)) {
            lv.copyTo(left);
            rv.copyTo(right);
        }
        return true;
    }

    @Override
    public double frameRate() {
        return grabber.frameRate();
    }

    @Override
    public String description() {
        return "side-by-side " + grabber.name();
    }

    @Override
    public void close() {
        grabber.close();
    }
}
