/**
 * BGNet / BGNet+ stereo disparity, depth and confidence from Java: the library's public API. Everything
 * else in the {@code bgnet.model} module is internal and may change.
 *
 * <p>Load a {@link bgnet.api.StereoModel} (a checkpoint file, or an official checkpoint's name,
 * downloaded on first use), get a {@link bgnet.api.StereoEstimator} on a {@link bgnet.api.Device}, and
 * estimate rectified pairs ({@link bgnet.api.InputImage}: files, {@code BufferedImage}s, grey bytes).
 * A {@link bgnet.api.StereoResult} holds the disparity, optionally the confidence, and makes depth,
 * point clouds and colour maps with a {@link bgnet.api.Camera}. Models, estimators and pools are
 * {@link java.lang.AutoCloseable}.
 *
 * <p><b>Threading:</b> a {@code StereoModel} and a {@code Device} may be shared by any number of
 * threads. A {@code StereoEstimator} keeps per-size buffers, so it serves one thread at a time: take
 * an estimator per thread from one model, or, in a server, an {@link bgnet.api.EstimatorPool}.
 *
 * <p><b>Errors</b> are unchecked {@link bgnet.api.BGNetException}s whose one-line messages are the
 * command line's: {@link bgnet.api.InputException} (a missing or unreadable image, a size mismatch),
 * {@link bgnet.api.ModelException} (a checkpoint that is missing or not BGNet),
 * {@link bgnet.api.DeviceException} (an unknown backend or device), {@link bgnet.api.WriteException}
 * and {@link bgnet.api.RefusedException} (too little heap, a non-finite output).
 */
package bgnet.api;
