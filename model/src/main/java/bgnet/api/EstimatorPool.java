package bgnet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Estimators for a server: any number of threads call {@link #estimate} at once, each call borrowing one
 * of a fixed set of estimators (waiting while all are busy) and giving it back when done. Made by
 * {@link StereoModel#pool(Device, int)}.
 */
public final class EstimatorPool implements AutoCloseable {
    private final List<StereoEstimator> all = new ArrayList<>();
    private final BlockingQueue<StereoEstimator> idle;

    EstimatorPool(StereoModel model, Device device, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one estimator, got " + size);
        }
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            StereoEstimator e = model.estimator(device);
            all.add(e);
            idle.add(e);
        }
    }

    /**
     * As {@link StereoEstimator#estimate(InputImage, InputImage)}, from any thread.
     *
     * @param left  the left image
     * @param right the right image, the same size
     * @return the disparity
     * @throws IllegalStateException when the thread is interrupted while waiting for an estimator
     */
    public StereoResult estimate(InputImage left, InputImage right) {
        return withEstimator(e -> e.estimate(left, right));
    }

    /**
     * As {@link StereoEstimator#estimateWithConfidence(InputImage, InputImage)}, from any thread.
     *
     * @param left  the left image
     * @param right the right image, the same size
     * @return the disparity and confidence
     * @throws IllegalStateException when the thread is interrupted while waiting for an estimator
     */
    public StereoResult estimateWithConfidence(InputImage left, InputImage right) {
        return withEstimator(e -> e.estimateWithConfidence(left, right));
    }

    /**
     * How many pairs can run at once.
     *
     * @return the number of estimators
     */
    public int size() {
        return all.size();
    }

    private StereoResult withEstimator(Function<StereoEstimator, StereoResult> work) {
        StereoEstimator e;
        try {
            e = idle.take();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free estimator", ex);
        }
        try {
            return work.apply(e);
        } finally {
            idle.add(e);
        }
    }

    /** Closes every estimator; call it when no thread is using the pool any more. */
    @Override
    public void close() {
        all.forEach(StereoEstimator::close);
    }
}
