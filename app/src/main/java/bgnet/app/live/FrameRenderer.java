package bgnet.app.live;

import bgnet.model.io.CameraIntrinsics;
import bgnet.model.io.ColorMap;
import bgnet.model.io.ColorMapKind;
import bgnet.model.io.ConfidenceMap;
import bgnet.model.io.DepthMap;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.RgbImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Locale;

/**
 * The picture shown and recorded for a frame: the left image and the colour-mapped disparity (or
 * depth) side by side, with FPS, latency and backend written over it.
 */
final class FrameRenderer {

    /** The colour scale ends at this percentile, so that a few outliers do not wash out the rest. */
    private static final double TOP_PERCENTILE = 99.0;

    private final String backend;
    private final SmoothedRange disparityTop = new SmoothedRange();
    private final SmoothedRange depthTop = new SmoothedRange();

    FrameRenderer(String backend) {
        this.backend = backend;
    }

    /** Renders a frame without confidence (as before the confidence view existed). */
    BufferedImage render(StereoFrame frame, DisparityMap disparity, ViewControls controls, RunStats stats, String status) {
        return render(frame, disparity, null, controls, stats, status);
    }

    /**
     * Renders a frame; status is a passing message for the bottom bar (null for the key help). The
     * confidence (may be null) is shown instead of disparity or depth while the viewer asks for it.
     */
    BufferedImage render(StereoFrame frame, DisparityMap disparity, ConfidenceMap confidence, ViewControls controls,
                         RunStats stats, String status) {
        int w = frame.leftRgb().width(), h = frame.leftRgb().height();
        ColorMapKind kind = controls.colorMap();
        boolean depth = controls.showDepth() && frame.camera().isPresent();
        String scale;
        RgbImage panel;
        if (confidence != null && controls.showConfidence()) {
            panel = confidencePanel(w, h, confidence.values(), kind);
            scale = "confidence 0-1 (sure = warm)";
        } else if (depth) {
            CameraIntrinsics c = frame.camera().get();
            float[] z = DepthMap.fromDisparity(disparity, c.focalPx(), c.baselineM()).metres();
            float top = depthTop.update(Percentile.ofPositive(z, TOP_PERCENTILE));
            panel = depthPanel(w, h, z, top, kind);
            scale = String.format(Locale.ROOT, "depth 0-%.1f m (near = warm)", top);
        } else {
            float top = disparityTop.update(Percentile.ofPositive(disparity.values(), TOP_PERCENTILE));
            panel = new ColorMap(kind, 0f, top).render(disparity);
            scale = String.format(Locale.ROOT, "disparity 0-%.0f px", top);
        }
        BufferedImage view = new BufferedImage(2 * w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) view.getRaster().getDataBuffer()).getData();
        copy(frame.leftRgb().rgb(), w, h, bgr, 0);
        copy(panel.rgb(), w, h, bgr, w);
        String top = String.format(Locale.ROOT, "%.1f fps | latency %.0f ms | inference %.0f ms | %s | %s | %s",
                stats.recentFps(), stats.lastLatencyMs(), stats.lastInferenceMs(), backend, kind.cliName(), scale);
        if (status == null && controls.showDepth() && !depth) {
            status = "depth needs --calib, or --focal and --baseline: showing disparity";
        }
        Overlay.draw(view, top, status != null ? status : ViewControls.HELP);
        return view;
    }

    /** Confidence 0..1 over the whole colour map. */
    private static RgbImage confidencePanel(int w, int h, float[] c, ColorMapKind kind) {
        int[] rgb = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            rgb[i] = kind.rgb(c[i]);
        }
        return new RgbImage(w, h, rgb);
    }

    /** Near is the warm end of the map, far the cold end; invalid pixels stay black. */
    private static RgbImage depthPanel(int w, int h, float[] z, float top, ColorMapKind kind) {
        int[] rgb = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            rgb[i] = z[i] > 0 ? kind.rgb(1.0 - z[i] / top) : ColorMap.INVALID_RGB;
        }
        return new RgbImage(w, h, rgb);
    }

    /** Packed RGB rows into the BGR bytes of a view twice as wide, starting at column x0. */
    private static void copy(int[] rgb, int w, int h, byte[] bgr, int x0) {
        int stride = 2 * w * 3;
        for (int y = 0; y < h; y++) {
            int o = y * stride + x0 * 3;
            for (int x = 0, i = y * w; x < w; x++, i++, o += 3) {
                int p = rgb[i];
                bgr[o] = (byte) p;
                bgr[o + 1] = (byte) (p >> 8);
                bgr[o + 2] = (byte) (p >> 16);
            }
        }
    }
}
