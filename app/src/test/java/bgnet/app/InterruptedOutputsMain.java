package bgnet.app;

import bgnet.model.io.DisparityMap;

import java.nio.file.Path;

/** Child process for {@link InterruptedOutputsTest}: writes the first file of a set, then stalls before the rest. */
public final class InterruptedOutputsMain {
    private InterruptedOutputsMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputFiles out = new OutputFiles();
        out.disparity(Path.of(args[0]), new DisparityMap(2, 1, new float[] {1, 2}));
        System.out.println("first written");
        System.out.flush();
        Thread.sleep(120_000);
        out.commit();
    }
}
