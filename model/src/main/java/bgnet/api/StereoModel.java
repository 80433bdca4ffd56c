package bgnet.api;

import bgnet.model.BGNetModel;
import bgnet.model.checkpoint.CheckpointException;
import bgnet.model.weights.OfficialCheckpoints;
import bgnet.model.weights.WeightsResolver;
import bgnet.model.weights.WeightsUnavailable;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A BGNet or BGNet+ checkpoint, loaded, checked strictly and ready to run. Immutable and safe to share
 * between threads: each thread takes its own {@link #estimator(Device)} from one model (the weights are
 * held once), or a server uses an {@link #pool(Device, int)}.
 *
 * <pre>{@code
 * try (StereoModel model = StereoModel.load("kitti_15_BGNet_Plus");
 *      StereoEstimator estimator = model.estimator(Device.best())) {
 *     StereoResult result = estimator.estimate(Path.of("left.png"), Path.of("right.png"));
 * }
 * }</pre>
 */
public final class StereoModel implements AutoCloseable {
    private final BGNetModel model;
    private volatile boolean closed;

    private StereoModel(BGNetModel model) {
        this.model = model;
    }

    /**
     * Loads a checkpoint by path, or an official one by name ({@link #officialNames()}, ".pth" optional),
     * which is downloaded once into the weights folder (system property {@code bgnet.weights.dir}, else
     * {@code ./weights}) with progress lines on {@code System.err}.
     *
     * @param pathOrName a checkpoint file, or an official checkpoint's name
     * @return the model
     * @throws ModelException when there is no such file or name, the download fails, or the file is not a
     *                        BGNet / BGNet+ checkpoint
     */
    public static StereoModel load(String pathOrName) {
        Objects.requireNonNull(pathOrName, "pathOrName");
        Path file;
        try {
            file = new WeightsResolver(WeightsResolver.defaultDir(), System.err).resolve(pathOrName);
        } catch (WeightsUnavailable e) {
            throw Errors.model(e);
        }
        try {
            return new StereoModel(BGNetModel.load(file));
        } catch (CheckpointException e) {
            throw Errors.model(e);
        }
    }

    /**
     * Loads a checkpoint file (a PyTorch {@code .pth} of BGNet or BGNet+).
     *
     * @param checkpoint the file
     * @return the model
     * @throws ModelException when the file is missing or is not a BGNet / BGNet+ checkpoint
     */
    public static StereoModel load(Path checkpoint) {
        return load(Objects.requireNonNull(checkpoint, "checkpoint").toString());
    }

    /**
     * The names {@link #load(String)} downloads: the checkpoints published with upstream BGNet.
     *
     * @return e.g. "kitti_15_BGNet_Plus.pth"
     */
    public static List<String> officialNames() {
        return OfficialCheckpoints.NAMES;
    }

    /**
     * The network this checkpoint holds.
     *
     * @return "BGNet" or "BGNet+"
     */
    public String architecture() {
        return model.architecture().displayName();
    }

    /**
     * The checkpoint file (for an official name, where it was downloaded).
     *
     * @return the file
     */
    public Path source() {
        return model.source();
    }

    /**
     * An estimator on {@code device}, for one thread at a time. It allocates its buffers on the first pair
     * and keeps them while the image size stays the same.
     *
     * @param device where to run, e.g. {@link Device#jvm()} or {@link Device#best()}
     * @return a new estimator; close it to free its buffers (and device memory)
     * @throws DeviceException when the device cannot be used
     */
    public StereoEstimator estimator(Device device) {
        requireOpen();
        return new ModelEstimator(model.estimator(device.backend()));
    }

    /**
     * A fixed set of estimators that any number of threads may call at once: each call borrows one, waiting
     * while all are busy. For the JVM backend give each a share of the cores, e.g.
     * {@code pool(Device.jvm(cores / size), size)}.
     *
     * @param device where every estimator runs
     * @param size   how many pairs may run at once, at least 1
     * @return the pool; close it to close its estimators
     * @throws DeviceException when the device cannot be used
     */
    public EstimatorPool pool(Device device, int size) {
        requireOpen();
        return new EstimatorPool(this, device, size);
    }

    /** Marks the model closed: it makes no new estimators. Estimators already made keep working until closed. */
    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model " + model.source() + " is closed");
        }
    }

    /**
     * The model in words.
     *
     * @return e.g. "BGNet+ from weights/kitti_15_BGNet_Plus.pth"
     */
    @Override
    public String toString() {
        return architecture() + " from " + source();
    }
}
