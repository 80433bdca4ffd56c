package bgnet.api;

import bgnet.model.BGNetModel;
import bgnet.model.DisparityEstimator;
import bgnet.model.backend.JvmBackend;
import bgnet.model.io.ConfidenceFiles;
import bgnet.model.io.DepthMap;
import bgnet.model.io.GrayImage;
import bgnet.model.io.KittiPng;
import bgnet.model.io.PfmFile;
import bgnet.model.testing.FixtureRun;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public API end to end on the PyTorch fixture pair: every input kind, the outputs, threads. */
class StereoApiTest {
    static final int W = FixtureRun.W;
    static final int H = FixtureRun.H;
    static byte[] leftBytes;
    static byte[] rightBytes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readPair() {
        leftBytes = bytes(Fixtures.f32("input_small_left.f32"));
        rightBytes = bytes(Fixtures.f32("input_small_right.f32"));
    }

    @Test
    void everyInputKindGivesThePyTorchDisparity() throws Exception {
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(Device.jvm(2))) {
            assertEquals("BGNet", model.architecture());
            StereoResult fromBytes = estimator.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes));
            assertEquals(W, fromBytes.width());
            assertEquals(H, fromBytes.height());
            Fixtures.assertDisparity("API disparity", fromBytes.disparity(), Fixtures.f32("bgnet_small_out.f32"));
            assertFalse(fromBytes.hasConfidence());

            BufferedImage left = image(leftBytes);
            BufferedImage right = image(rightBytes);
            assertArrayEquals(fromBytes.disparity(), estimator.estimate(left, right).disparity(), "BufferedImage input");
            Path l = tmp.resolve("l.png");
            Path r = tmp.resolve("r.png");
            ImageIO.write(left, "png", l.toFile());
            ImageIO.write(right, "png", r.toFile());
            assertArrayEquals(fromBytes.disparity(), estimator.estimate(l, r).disparity(), "file input");
            InputImage levels = InputImage.ofGray(W, H, Fixtures.f32("input_small_left.f32"));
            assertArrayEquals(Fixtures.f32("input_small_left.f32"), levels.grayLevels());
            assertArrayEquals(fromBytes.disparity(), estimator.estimate(levels,
                    InputImage.ofGray(W, H, Fixtures.f32("input_small_right.f32"))).disparity(), "float grey input");
        }
    }

    @Test
    void theSameAsTheInternalEstimator() throws Exception {
        GrayImage left = new GrayImage(W, H, Fixtures.f32("input_small_left.f32"));
        GrayImage right = new GrayImage(W, H, Fixtures.f32("input_small_right.f32"));
        float[] internal;
        try (DisparityEstimator net = BGNetModel.load(Fixtures.file("bgnet_random.pth")).estimator(new JvmBackend(2))) {
            internal = net.estimate(left, right).values();
        }
        assertArrayEquals(internal, estimateOnce(Device.jvm(2)));
    }

    @Test
    void outputsParseBack() throws Exception {
        StereoResult result = resultOnce();
        float[] d = result.disparity();
        Path pfm = tmp.resolve("d.pfm");
        result.writeDisparity(pfm);
        assertArrayEquals(d, PfmFile.read(pfm).values());
        Path png = tmp.resolve("d.png");
        result.writeDisparity(png);
        float[] kitti = KittiPng.read(png).values();
        for (int i = 0; i < d.length; i++) {
            assertEquals(KittiPng.encode(d[i]) / 256.0, kitti[i], 1e-6, "pixel " + i);
        }

        Camera camera = new Camera(100, 0.5);
        float[] depth = result.depth(camera);
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i] > 0 ? 100 * 0.5 / d[i] : 0, depth[i], 1e-4 * Math.max(1, depth[i]), "depth of pixel " + i);
        }
        Path depthPfm = tmp.resolve("z.pfm");
        result.writeDepth(depthPfm, camera);
        assertArrayEquals(depth, DepthMap.readPfm(depthPfm).metres());
        assertTrue(result.writePointCloud(tmp.resolve("p.ply"), camera, 100) > 0);
        result.writeColor(tmp.resolve("c.png"), Colormap.TURBO);
        assertEquals(W, ImageIO.read(tmp.resolve("c.png").toFile()).getWidth());

        WriteException wrongType = assertThrows(WriteException.class, () -> result.writeDisparity(tmp.resolve("d.jpg")));
        assertEquals(tmp.resolve("d.jpg") + ": unsupported file type '.jpg' (use .pfm or .png)", wrongType.getMessage());
        assertThrows(WriteException.class, () -> result.writeDisparity(tmp.resolve("no/such/folder/d.pfm")));
    }

    @Test
    void aResultMadeElsewhereHasTheSameOutputs() throws Exception {
        StereoResult computed = resultOnce();
        StereoResult copy = StereoResult.of(InputImage.ofGray(W, H, leftBytes), computed.disparity(), null);
        copy.writeDisparity(tmp.resolve("copy.pfm"));
        computed.writeDisparity(tmp.resolve("computed.pfm"));
        assertArrayEquals(PfmFile.read(tmp.resolve("computed.pfm")).values(), PfmFile.read(tmp.resolve("copy.pfm")).values());
        assertFalse(copy.hasConfidence());
        assertThrows(IllegalArgumentException.class, () -> StereoResult.of(InputImage.ofGray(4, 4, new byte[16]), new float[15], null));
    }

    @Test
    void confidenceIsOnlyThereWhenAskedFor() throws Exception {
        StereoResult result = resultOnce();
        IllegalStateException e = assertThrows(IllegalStateException.class, result::confidence);
        assertEquals("no confidence: it is computed only by estimateWithConfidence", e.getMessage());
        assertThrows(IllegalStateException.class, () -> result.withMinConfidence(0.5f));
        assertThrows(IllegalStateException.class, () -> result.writeConfidence(tmp.resolve("c.pfm")));
    }

    @Test
    void confidenceIsPyTorchsAndMasksTheDisparity() throws Exception {
        StereoResult plain = resultOnce();
        StereoResult sure;
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(Device.jvm(2))) {
            sure = estimator.estimateWithConfidence(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes));
        }
        assertTrue(sure.hasConfidence());
        assertArrayEquals(plain.disparity(), sure.disparity(), "the disparity does not change with the confidence on");
        float[] c = sure.confidence();
        Fixtures.assertConfidence("API confidence", c, Fixtures.f32("bgnet_small_confidence.f32"),
                Fixtures.CONFIDENCE_END_TO_END);

        // A threshold in the middle of the values, so that both sides are tested.
        float[] sorted = c.clone();
        java.util.Arrays.sort(sorted);
        float t = sorted[sorted.length / 2];
        StereoResult masked = sure.withMinConfidence(t);
        float[] d = sure.disparity();
        float[] md = masked.disparity();
        int dropped = 0;
        for (int i = 0; i < d.length; i++) {
            assertEquals(c[i] >= t ? d[i] : 0f, md[i], "pixel " + i);
            dropped += c[i] < t ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < d.length, "dropped " + dropped);
        assertArrayEquals(d, sure.disparity(), "masking makes a new result");
        float[] depth = masked.depth(new Camera(100, 0.5));
        for (int i = 0; i < d.length; i++) {
            if (c[i] < t) {
                assertEquals(0f, depth[i], "a masked pixel has no depth");
            }
        }

        Path pfm = tmp.resolve("c.pfm");
        sure.writeConfidence(pfm);
        assertArrayEquals(c, ConfidenceFiles.read(pfm).values());
        Path png = tmp.resolve("c.png");
        sure.writeConfidence(png);
        BufferedImage sixteen = ImageIO.read(png.toFile());
        assertEquals(16, sixteen.getColorModel().getPixelSize());
        int[] codes = sixteen.getRaster().getSamples(0, 0, W, H, 0, (int[]) null);
        for (int i = 0; i < c.length; i++) {
            assertEquals(Math.round(c[i] * 65535.0), codes[i], "pixel " + i);
        }
    }

    @Test
    void resultsAreCopiesAndSurviveTheNextPair() throws Exception {
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(Device.jvm(2))) {
            StereoResult first = estimator.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes));
            float[] kept = first.disparity().clone();
            first.disparity()[0] = -1;  // changes only the copy handed out
            estimator.estimate(InputImage.ofGray(W, H, rightBytes), InputImage.ofGray(W, H, leftBytes));
            assertArrayEquals(kept, first.disparity());
        }
    }

    @Test
    void anEstimatorPerThreadAndAPoolGiveTheSingleThreadResult() throws Exception {
        float[] expected = estimateOnce(Device.jvm(1));
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"))) {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try (EstimatorPool pool = model.pool(Device.jvm(1), 2)) {
                List<Future<float[]>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(threads.submit(() -> {
                        try (StereoEstimator own = model.estimator(Device.jvm(1))) {
                            return own.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes)).disparity();
                        }
                    }));
                }
                for (int i = 0; i < 4; i++) {
                    results.add(threads.submit(() ->
                            pool.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes)).disparity()));
                }
                for (Future<float[]> f : results) {
                    assertArrayEquals(expected, f.get());
                }
                assertEquals(2, pool.size());
            } finally {
                threads.shutdown();
            }
        }
    }

    @Test
    void closedThingsSaySo() throws Exception {
        StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
        StereoEstimator estimator = model.estimator(Device.jvm(1));
        estimator.close();
        assertThrows(IllegalStateException.class, () -> estimator.estimate(InputImage.ofGray(W, H, leftBytes),
                InputImage.ofGray(W, H, rightBytes)));
        model.close();
        assertThrows(IllegalStateException.class, () -> model.estimator(Device.jvm()));
    }

    @Test
    void devices() {
        assertEquals("jvm", Device.jvm().id());
        assertEquals("jvm", Device.list().getFirst().backendName());
        assertEquals("CPU", Device.list().getFirst().type());
        assertTrue(Device.jvm(3).name().contains("3 threads"), Device.jvm(3).name());
        DeviceException zero = assertThrows(DeviceException.class, () -> Device.jvm(0));
        assertEquals("--threads must be at least 1, got 0", zero.getMessage());
        assertTrue(Device.of("jvm", null, 2).withReferenceKernels().name().contains("reference kernels"));
    }

    @Test
    void bestIsTheFirstTornadoGpuElseTheJvm() {
        Device jvm = Device.listed("jvm", bgnet.model.backend.Backends.jvmDevice());
        Device cpu = Device.listed("tornado", new bgnet.model.backend.DeviceInfo("0:0", "pthread", "CPU (OPENCL, PoCL)", 1));
        Device gpu = Device.listed("tornado", new bgnet.model.backend.DeviceInfo("1:0", "H200", "GPU (PTX, NVIDIA CUDA)", 1));
        assertEquals("jvm", Device.best(List.of(jvm, cpu)).id());
        assertEquals("1:0", Device.best(List.of(jvm, cpu, gpu)).id());
        assertEquals("tornado 1:0 (GPU (PTX, NVIDIA CUDA), H200)", gpu.toString());
    }

    @Test
    void grayBytesMustFitTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputImage.ofGray(4, 4, new byte[15]));
        assertEquals("a 4x4 grey image needs 16 bytes, got 15", e.getMessage());
    }

    private static StereoResult resultOnce() throws Exception {
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(Device.jvm(2))) {
            return estimator.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes));
        }
    }

    private static float[] estimateOnce(Device device) throws Exception {
        try (StereoModel model = StereoModel.load(Fixtures.file("bgnet_random.pth"));
             StereoEstimator estimator = model.estimator(device)) {
            return estimator.estimate(InputImage.ofGray(W, H, leftBytes), InputImage.ofGray(W, H, rightBytes)).disparity();
        }
    }

    private static byte[] bytes(float[] grey) {
        byte[] b = new byte[grey.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) grey[i];
        }
        return b;
    }

    private static BufferedImage image(byte[] grey) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, W, H, grey);
        return img;
    }
}
