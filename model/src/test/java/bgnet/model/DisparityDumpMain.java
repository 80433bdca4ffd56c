package bgnet.model;

import bgnet.model.backend.JvmBackend;
import bgnet.model.io.DisparityMap;
import bgnet.model.io.ImageReader;
import bgnet.model.io.PfmFile;

import java.nio.file.Path;

/** Child process for {@link ReproducibilityTest}: CHECKPOINT LEFT RIGHT THREADS OUT.pfm, one pass of a fresh JVM. */
public final class DisparityDumpMain {
    private DisparityDumpMain() {
    }

    public static void main(String[] args) throws Exception {
        BGNetModel model = BGNetModel.load(Path.of(args[0]));
        try (DisparityEstimator net = model.estimator(new JvmBackend(Integer.parseInt(args[3])))) {
            DisparityMap d = net.estimate(ImageReader.readGray(Path.of(args[1])), ImageReader.readGray(Path.of(args[2])));
            PfmFile.write(Path.of(args[4]), d);
        }
    }
}
