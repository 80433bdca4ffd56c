package bgnet.app.live;

import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.GrayImage;
import bgnet.model.io.RgbImage;

import java.util.Optional;

/**
 * One rectified pair at the network's input size, as the capture thread hands it to inference.
 *
 * @param index         0-based number of the frame in its source (dropped frames leave gaps)
 * @param left          left grey image (network input)
 * @param right         right grey image (network input)
 * @param leftRgb       left colour image, for display and point-cloud colours
 * @param camera        the rectified left camera at this size with the baseline, when known (for depth)
 * @param capturedNanos System.nanoTime() when the frame was grabbed (latency is measured from here)
 */
public record StereoFrame(long index, GrayImage left, GrayImage right, RgbImage leftRgb,
                          Optional<CameraIntrinsics> camera, long capturedNanos) {
}
