package bgnet.app.live;

import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoResult;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DisparityMap;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The inference thread's work: take the newest frame, estimate disparity, render, show/record,
 * save snapshots on request; stop at the end of the stream, after --frames, on q, or on a failure.
 */
final class InferenceLoop {

    /** How often a wait for the next frame wakes up to notice the quit key. */
    private static final long POLL_NANOS = 100_000_000L;
    private static final long STATUS_NANOS = 3_000_000_000L;

    private final LatestFrameSlot<StereoFrame> slot;
    private final StereoEstimator estimator;
    private final FrameRenderer renderer;
    private final List<FrameSink> sinks;
    private final ViewControls controls;
    private final SnapshotWriter snapshots;
    private final RunStats stats;
    private final long maxFrames;
    private final long stallNanos;
    private final String sourceName;
    private final PrintWriter out;

    private String status;
    private long statusUntil;

    InferenceLoop(LatestFrameSlot<StereoFrame> slot, StereoEstimator estimator, FrameRenderer renderer, List<FrameSink> sinks,
                  ViewControls controls, SnapshotWriter snapshots, RunStats stats, long maxFrames, long stallNanos,
                  String sourceName, PrintWriter out) {
        this.slot = slot;
        this.estimator = estimator;
        this.renderer = renderer;
        this.sinks = sinks;
        this.controls = controls;
        this.snapshots = snapshots;
        this.stats = stats;
        this.maxFrames = maxFrames;
        this.stallNanos = stallNanos;
        this.sourceName = sourceName;
        this.out = out;
    }

    Outcome run() throws InterruptedException {
        long waitingSince = System.nanoTime();
        while (!controls.quitRequested()) {
            switch (slot.take(POLL_NANOS)) {
                case LatestFrameSlot.Next.Item<StereoFrame>(StereoFrame frame) -> {
                    Outcome failure = process(frame);
                    if (failure != null) {
                        return failure;
                    }
                    if (maxFrames > 0 && stats.frames() >= maxFrames) {
                        return Outcome.ok("stopped after " + maxFrames + " frames (--frames)");
                    }
                    waitingSince = System.nanoTime();
                }
                case LatestFrameSlot.Next.Ended<StereoFrame>(Outcome end) -> {
                    return end;
                }
                case LatestFrameSlot.Next.TimedOut<StereoFrame> t -> {
                    if (System.nanoTime() - waitingSince > stallNanos) {
                        return Outcome.error("no frame from " + sourceName + " for " + stallNanos / 1_000_000_000L + " s (disconnected?)");
                    }
                }
            }
        }
        return Outcome.ok("quit after " + stats.frames() + " frames");
    }

    /** One frame through the network and out to the sinks; an outcome only when the run must stop. */
    private Outcome process(StereoFrame frame) {
        long start = System.nanoTime();
        DisparityMap disparity;
        ConfidenceMap confidence = null;
        try {
            InputImage left = InputImage.ofGray(frame.left().width(), frame.left().height(), frame.left().pixels());
            InputImage right = InputImage.ofGray(frame.right().width(), frame.right().height(), frame.right().pixels());
            // The confidence costs a little: only while the viewer shows it.
            StereoResult result = controls.showConfidence() ? estimator.estimateWithConfidence(left, right)
                    : estimator.estimate(left, right);
            disparity = new DisparityMap(result.width(), result.height(), result.disparity());
            if (result.hasConfidence()) {
                confidence = new ConfidenceMap(result.width(), result.height(), result.confidence());
            }
        } catch (RuntimeException e) {
            return Outcome.error("inference failed on frame " + frame.index() + ": " + OpenedGrabber.oneLine(e));
        }
        stats.frameDone(frame.capturedNanos(), start, System.nanoTime());
        if (disparity.width() != frame.left().width() || disparity.height() != frame.left().height()) {
            return Outcome.error("the estimator returned " + disparity.width() + "x" + disparity.height()
                    + " disparities for a " + frame.left().width() + "x" + frame.left().height() + " frame");
        }
        boolean snapshot = controls.takeSnapshotRequest();
        if (sinks.isEmpty() && !snapshot) {
            return null; // headless without a recording: nothing to draw
        }
        BufferedImage view = renderer.render(frame, disparity, confidence, controls, stats,
                System.nanoTime() < statusUntil ? status : null);
        for (FrameSink sink : sinks) {
            try {
                sink.accept(view, frame.capturedNanos());
            } catch (IOException e) {
                return Outcome.error(OpenedGrabber.oneLine(e));
            }
        }
        if (snapshot) {
            status = snapshots.save(frame, disparity, view);
            statusUntil = System.nanoTime() + STATUS_NANOS;
            out.println(status);
            out.flush();
        }
        return null;
    }
}
