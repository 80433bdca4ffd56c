package bgnet.app.live;

import bgnet.api.InputImage;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoResult;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.GrayImage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cheap stand-in for the network in tests: sum-of-absolute-differences block matching, winner
 * takes all. It finds the true shift of textured synthetic scenes, which proves left and right
 * reached it the right way round; it also records each frame's median disparity, and can be slowed
 * down to make inference lag behind a source.
 */
class BlockMatcher implements StereoEstimator {

    private static final int RADIUS = 3;

    private final int maxDisparity;
    private final long delayMillis;
    final List<Float> medians = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;

    BlockMatcher(int maxDisparity, long delayMillis) {
        this.maxDisparity = maxDisparity;
        this.delayMillis = delayMillis;
    }

    @Override
    public StereoResult estimate(InputImage left, InputImage right) {
        DisparityMap d = estimate(new GrayImage(left.width(), left.height(), left.grayLevels()),
                new GrayImage(right.width(), right.height(), right.grayLevels()));
        return StereoResult.of(left, d.values(), null);
    }

    @Override
    public StereoResult estimateWithConfidence(InputImage left, InputImage right) {
        throw new UnsupportedOperationException("the block matcher has no confidence");
    }

    /** The match on the frames' own images (what the live loop hands over, and what tests call directly). */
    DisparityMap estimate(GrayImage left, GrayImage right) {
        return match(left, right);
    }

    private DisparityMap match(GrayImage left, GrayImage right) {
        int w = left.width(), h = left.height();
        float[] best = new float[w * h];
        float[] bestCost = new float[w * h];
        java.util.Arrays.fill(bestCost, Float.MAX_VALUE);
        float[] diff = new float[w * h];
        for (int d = 0; d <= maxDisparity; d++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    diff[i] = x >= d ? Math.abs(left.pixels()[i] - right.pixels()[i - d]) : 255f;
                }
            }
            float[] cost = boxSum(diff, w, h);
            for (int i = 0; i < cost.length; i++) {
                if (cost[i] < bestCost[i]) {
                    bestCost[i] = cost[i];
                    best[i] = d;
                }
            }
        }
        medians.add(median(best));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new DisparityMap(w, h, best);
    }

    /** Sum over a (2r+1)^2 window, clamped at the borders, through running sums. */
    private static float[] boxSum(float[] v, int w, int h) {
        float[] rows = new float[w * h], out = new float[w * h];
        for (int y = 0; y < h; y++) {
            float s = 0;
            for (int x = -RADIUS; x <= RADIUS; x++) {
                s += v[y * w + Math.clamp(x, 0, w - 1)];
            }
            for (int x = 0; x < w; x++) {
                rows[y * w + x] = s;
                s += v[y * w + Math.min(x + RADIUS + 1, w - 1)] - v[y * w + Math.max(x - RADIUS, 0)];
            }
        }
        for (int x = 0; x < w; x++) {
            float s = 0;
            for (int y = -RADIUS; y <= RADIUS; y++) {
                s += rows[Math.clamp(y, 0, h - 1) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = s;
                s += rows[Math.min(y + RADIUS + 1, h - 1) * w + x] - rows[Math.max(y - RADIUS, 0) * w + x];
            }
        }
        return out;
    }

    private static float median(float[] v) {
        float[] copy = v.clone();
        java.util.Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    @Override
    public String description() {
        return "test block matcher (SAD " + (2 * RADIUS + 1) + "x" + (2 * RADIUS + 1) + ", 0-" + maxDisparity + " px)";
    }

    @Override
    public void close() {
        closed = true;
    }
}
