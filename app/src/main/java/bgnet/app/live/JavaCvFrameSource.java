package bgnet.app.live;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;

/** Frames from JavaCV grabbers, rectified and fitted to the network input by a {@link FramePreparer}. */
final class JavaCvFrameSource implements FrameSource {

    private final PairGrabber grabber;
    private final FramePreparer preparer;
    private final Mat rawLeft = new Mat();
    private final Mat rawRight = new Mat();
    private long index;

    JavaCvFrameSource(PairGrabber grabber, FramePreparer preparer) {
        this.grabber = grabber;
        this.preparer = preparer;
    }

    @Override
    public Optional<StereoFrame> next() throws SourceException {
        if (!grabber.grabInto(rawLeft, rawRight)) {
            return Optional.empty();
        }
        long captured = System.nanoTime();
        return Optional.of(preparer.prepare(rawLeft, rawRight, index++, captured));
    }

    @Override
    public double frameRate() {
        return grabber.frameRate();
    }

    @Override
    public String description() {
        return grabber.description();
    }

    @Override
    public void close() {
        grabber.close();
        preparer.close();
        rawLeft.close();
        rawRight.close();
    }
}
