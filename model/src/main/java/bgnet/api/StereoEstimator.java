package bgnet.api;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A model bound to a device: a rectified stereo pair in, a {@link StereoResult} out. Images of any size
 * are padded to multiples of 64 (symmetric, top and right, as in the KITTI evaluation) and the result is
 * cropped back, so disparities are in input pixels.
 *
 * <p><b>Threading:</b> an estimator keeps per-size buffers between calls, so it serves one thread at a
 * time. Give each thread its own estimator from one {@link StereoModel}, or use an {@link EstimatorPool}.
 * Results are the caller's: the next call never changes them.
 */
public interface StereoEstimator extends AutoCloseable {

    /**
     * The disparity of a pair.
     *
     * @param left  the left (reference) image
     * @param right the right image, the same size
     * @return the disparity, in the left image's pixels
     * @throws InputException   when the images differ in size
     * @throws RefusedException when the heap is too small for this size, or the output is not finite
     */
    StereoResult estimate(InputImage left, InputImage right);

    /**
     * The disparity and, per pixel, how sure the network is of it (the largest probability of its
     * disparity distribution, in (0, 1]). Costs a little more than {@link #estimate(InputImage, InputImage)},
     * which computes no confidence at all.
     *
     * @param left  the left (reference) image
     * @param right the right image, the same size
     * @return the disparity and confidence
     * @throws InputException   when the images differ in size
     * @throws RefusedException when the heap is too small for this size, or the output is not finite
     */
    StereoResult estimateWithConfidence(InputImage left, InputImage right);

    /**
     * Reads both files and estimates their disparity.
     *
     * @param left  left image file
     * @param right right image file
     * @return the disparity
     * @throws InputException when a file is missing or not an image, or the images differ in size
     */
    default StereoResult estimate(Path left, Path right) {
        return estimate(InputImage.read(left), InputImage.read(right));
    }

    /**
     * Reads both files and estimates disparity and confidence.
     *
     * @param left  left image file
     * @param right right image file
     * @return the disparity and confidence
     * @throws InputException when a file is missing or not an image, or the images differ in size
     */
    default StereoResult estimateWithConfidence(Path left, Path right) {
        return estimateWithConfidence(InputImage.read(left), InputImage.read(right));
    }

    /**
     * Estimates the disparity of two images in memory.
     *
     * @param left  left image
     * @param right right image, the same size
     * @return the disparity
     * @throws InputException when the images differ in size
     */
    default StereoResult estimate(BufferedImage left, BufferedImage right) {
        return estimate(InputImage.of(left), InputImage.of(right));
    }

    /**
     * Estimates disparity and confidence of two images in memory.
     *
     * @param left  left image
     * @param right right image, the same size
     * @return the disparity and confidence
     * @throws InputException when the images differ in size
     */
    default StereoResult estimateWithConfidence(BufferedImage left, BufferedImage right) {
        return estimateWithConfidence(InputImage.of(left), InputImage.of(right));
    }

    /**
     * The network and where it runs, in words.
     *
     * @return e.g. "BGNet+ on jvm (8 threads)"
     */
    String description();

    /** Frees the buffers (and device memory); the estimator cannot be used afterwards. */
    @Override
    void close();
}
