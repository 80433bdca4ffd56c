package bgnet.model;

import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.backend.SetupSplit;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.InputPadding;
import bgnet.model.io.StereoPairSize;
import bgnet.model.network.NetworkProgram;

/**
 * Runs the network on pairs of any size: pads to multiples of 64 the KITTI way (symmetric, top and
 * right), runs, crops back. The plan and its buffers are kept while the size and the confidence request stay
 * the same; the confidence map is planned only when asked for, so a pass without it costs nothing extra.
 */
final class PaddedEstimator implements DisparityEstimator {
    private final BGNetModel model;
    private final Backend backend;
    private NetworkProgram program;
    private ProgramRunner runner;
    private SetupSplit lastSetup;

    PaddedEstimator(BGNetModel model, Backend backend) {
        this.model = model;
        this.backend = backend;
    }

    @Override
    public Estimate estimate(GrayImage left, GrayImage right, boolean withConfidence) {
        StereoPairSize.require(left, right, null, null);
        GrayImage l = InputPadding.pad(left);
        GrayImage r = InputPadding.pad(right);
        if (program == null || program.height() != l.height() || program.width() != l.width()
                || program.hasConfidence() != withConfidence) {
            closeRunner();
            program = null;
            if (backend.activationsOnHeap()) {
                MemoryBudget.require(MemoryBudget.networkBytes(model.architecture(), l.height(), l.width()),
                        model.architecture().displayName() + " at " + left.width() + "x" + left.height(),
                        "use smaller images");
            }
            long t0 = System.nanoTime();
            program = model.plan(l.height(), l.width(), withConfidence);
            runner = backend.prepare(program);
            lastSetup = new SetupSplit((System.nanoTime() - t0) / 1e6, runner.kernelSetup().orElse(null));
        }
        float[] disparity = runner.run(l.pixels(), r.pixels());
        requireFinite(disparity);
        // The result must not alias the runner's buffer (the next frame overwrites it): cropping copies
        // already, so copy only when there is nothing to crop.
        DisparityMap padded = new DisparityMap(l.width(), l.height(), disparity);
        DisparityMap cropped = InputPadding.crop(padded, left.width(), left.height());
        DisparityMap result = cropped != padded ? cropped : new DisparityMap(l.width(), l.height(), disparity.clone());
        return new Estimate(result, withConfidence ? confidence(l, left) : null);
    }

    /** The last run's confidence, cropped like the disparity, in an array of the caller's (never the runner's). */
    private ConfidenceMap confidence(GrayImage padded, GrayImage original) {
        ConfidenceMap full = new ConfidenceMap(padded.width(), padded.height(), runner.confidence());
        ConfidenceMap cropped = InputPadding.crop(full, original.width(), original.height());
        return cropped != full ? cropped : new ConfidenceMap(full.width(), full.height(), full.values().clone());
    }

    private void requireFinite(float[] disparity) {
        int bad = 0;
        for (float d : disparity) {
            if (!Float.isFinite(d)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new NonFiniteOutput(model.architecture().displayName() + " produced " + bad + " NaN or infinite "
                    + "disparities of " + disparity.length + " (checkpoint " + model.source()
                    + "): its weights overflow float32 on this input; no output written");
        }
    }

    @Override
    public java.util.Optional<SetupSplit> lastSetup() {
        return java.util.Optional.ofNullable(lastSetup);
    }

    @Override
    public String description() {
        return model.architecture().displayName() + " on " + (runner != null ? runner.description() : backend.description());
    }

    @Override
    public void close() {
        closeRunner();
    }

    private void closeRunner() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }
}
