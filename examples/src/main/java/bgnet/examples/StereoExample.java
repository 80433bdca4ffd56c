package bgnet.examples;

import bgnet.api.Camera;
import bgnet.api.Device;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import bgnet.api.StereoResult;

import java.nio.file.Path;

/** Disparity, confidence and depth of a rectified stereo pair: java StereoExample WEIGHTS LEFT RIGHT OUT_DIR */
public class StereoExample {
    public static void main(String[] args) {
        String weights = args[0];  // a .pth file, or an official name such as kitti_15_BGNet_Plus (downloaded once)
        Path left = Path.of(args[1]), right = Path.of(args[2]), out = Path.of(args[3]);

        try (StereoModel model = StereoModel.load(weights);
             StereoEstimator estimator = model.estimator(Device.best())) {  // a TornadoVM GPU if there is one, else the JVM
            StereoResult result = estimator.estimateWithConfidence(left, right);
            float[] disparity = result.disparity();    // pixels, row-major, 0 = invalid
            float[] confidence = result.confidence();  // 0..1 per pixel
            float[] depth = result.depth(new Camera(721.5, 0.54));  // metres, from focal length (px) and baseline (m)

            result.writeDisparity(out.resolve("disparity.pfm"));
            result.writeConfidence(out.resolve("confidence.pfm"));
            result.withMinConfidence(0.5f).writeDepth(out.resolve("depth.png"), new Camera(721.5, 0.54));
            int centre = result.height() / 2 * result.width() + result.width() / 2;
            System.out.printf("%s on %s: %dx%d, centre pixel: disparity %.2f px, confidence %.2f, depth %.2f m%n",
                    model.architecture(), estimator.description(), result.width(), result.height(),
                    disparity[centre], confidence[centre], depth[centre]);
        }
    }
}
