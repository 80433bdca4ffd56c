package bgnet.model;

import bgnet.model.backend.Backend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.InputPadding;
import bgnet.model.io.StereoPairSize;
import bgnet.model.network.NetworkProgram;

/**
 * Runs the network on pairs of any size: pads to multiples of 64 the KITTI way (symmetric, top and
 * right), runs, crops back. The plan and its buffers are kept while the size stays the same.
 */
final class PaddedEstimator implements DisparityEstimator {
    private final BGNetModel model;
    private final Backend backend;
    private NetworkProgram program;
    private ProgramRunner runner;

    PaddedEstimator(BGNetModel model, Backend backend) {
        this.model = model;
        this.backend = backend;
    }

    @Override
    public Estimate estimate(GrayImage left, GrayImage right, boolean withConfidence) {
        if (withConfidence) {
            throw new UnsupportedOperationException("confidence is not computed yet");
        }
        StereoPairSize.require(left, right, null, null);
        GrayImage l = InputPadding.pad(left);
        GrayImage r = InputPadding.pad(right);
        if (program == null || program.height() != l.height() || program.width() != l.width()) {
            closeRunner();
            program = null;
            MemoryBudget.require(MemoryBudget.networkBytes(model.architecture(), l.height(), l.width()),
                    model.architecture().displayName() + " at " + left.width() + "x" + left.height(),
                    "use smaller images");
            program = model.plan(l.height(), l.width());
            runner = backend.prepare(program);
        }
        float[] disparity = runner.run(l.pixels(), r.pixels());
        requireFinite(disparity);
        // The result must not alias the runner's buffer (the next frame overwrites it): cropping copies
        // already, so copy only when there is nothing to crop.
        DisparityMap padded = new DisparityMap(l.width(), l.height(), disparity);
        DisparityMap cropped = InputPadding.crop(padded, left.width(), left.height());
        return new Estimate(cropped != padded ? cropped : new DisparityMap(l.width(), l.height(), disparity.clone()), null);
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
