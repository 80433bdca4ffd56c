package bgnet.app;

import bgnet.api.BGNetException;
import bgnet.api.Device;
import bgnet.api.DeviceException;
import bgnet.api.InputException;
import bgnet.api.ModelException;
import bgnet.api.StereoEstimator;
import bgnet.api.StereoModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the library's API fails with a typed exception whose message is exactly the line
 * `bgnet predict` prints after "error: " for the same input.
 */
class ApiErrorMessagesTest {
    static final Path DATA = Path.of(System.getProperty("bgnet.testdata"));
    static final Path WEIGHTS = DATA.resolve("bgnet_random.pth");
    static final Path LEFT = DATA.resolve("small_left_src.png");
    static final Path RIGHT = DATA.resolve("small_right_src.png");

    @TempDir
    Path tmp;

    @Test
    void missingImage() {
        Path missing = tmp.resolve("missing.png");
        String api = sameAsPredict(InputException.class, () -> estimate(missing, RIGHT), "--left", missing.toString());
        assertEquals(missing + ": no such file", api);
    }

    @Test
    void sizeMismatch() throws Exception {
        Path small = tmp.resolve("small.png");
        ImageIO.write(new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        String api = sameAsPredict(InputException.class, () -> estimate(LEFT, small), "--right", small.toString());
        assertTrue(api.contains("is 64x32") && api.contains("a rectified pair has one size"), api);
    }

    @Test
    void notAnImage() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image", StandardCharsets.UTF_8);
        String api = sameAsPredict(InputException.class, () -> estimate(text, RIGHT), "--left", text.toString());
        assertTrue(api.startsWith(text + ": not a readable image"), api);
    }

    @Test
    void checkpointThatIsNotBGNet() throws Exception {
        Path other = renamedKey("guide.conv1.0.weight", "guide.convX.0.weight");
        String api = sameAsPredict(ModelException.class, () -> StereoModel.load(other), "--weights", other.toString());
        assertTrue(api.startsWith("checkpoint " + other + ": "), api);
        assertTrue(api.contains("guide.conv"), api);
    }

    @Test
    void missingCheckpoint() {
        Path missing = tmp.resolve("nope.pth");
        String api = sameAsPredict(ModelException.class, () -> StereoModel.load(missing), "--weights", missing.toString());
        assertTrue(api.startsWith(missing + ": no such checkpoint file (official names: "), api);
    }

    @Test
    void unknownDevice() {
        String api = sameAsPredict(DeviceException.class, () -> Device.of("cuda", null), "--backend", "cuda");
        assertTrue(api.startsWith("unknown backend 'cuda'; valid: jvm"), api);
        String jvmWithDevice = sameAsPredict(DeviceException.class, () -> Device.of("jvm", "0:0"), "--device", "0:0");
        assertTrue(jvmWithDevice.contains("--device 0:0 is for --backend tornado"), jvmWithDevice);
        // Without the TornadoVM backend (this test's class path), asking for it says how to get it.
        String tornado = sameAsPredict(DeviceException.class, () -> Device.of("tornado", "9:9"),
                "--backend", "tornado", "--device", "9:9");
        assertTrue(tornado.startsWith("TornadoVM backend not available") || tornado.startsWith("unknown device 9:9"), tornado);
    }

    private static void estimate(Path left, Path right) {
        try (StereoModel model = StereoModel.load(WEIGHTS);
             StereoEstimator estimator = model.estimator(Device.jvm(2))) {
            estimator.estimate(left, right);
        }
    }

    /**
     * The API call's exception must be {@code type}; `predict` on the good pair with {@code options} replacing
     * its own must print "error: " and that exception's message, and nothing else. Returns the message.
     */
    private String sameAsPredict(Class<? extends BGNetException> type, Executable api, String... options) {
        BGNetException e = assertThrows(type, api);
        List<String> args = new ArrayList<>(List.of("predict", "--weights", WEIGHTS.toString(), "--left", LEFT.toString(),
                "--right", RIGHT.toString(), "--output", tmp.resolve("d.pfm").toString(), "--threads", "2"));
        for (int i = 0; i < options.length; i += 2) {
            int at = args.indexOf(options[i]);
            if (at >= 0) {
                args.set(at + 1, options[i + 1]);
            } else {
                args.addAll(List.of(options[i], options[i + 1]));
            }
        }
        if (args.contains("--backend") && !args.get(args.indexOf("--backend") + 1).equals("jvm")) {
            int at = args.indexOf("--threads");
            args.subList(at, at + 2).clear();
        }
        CliRunner cli = CliRunner.run(args.toArray(String[]::new));
        assertEquals(1, cli.exitCode(), cli.err());
        assertArrayEquals(new String[] {"error: " + e.getMessage()}, cli.errLines());
        return e.getMessage();
    }

    /** A copy of the BGNet checkpoint with one key renamed (same length, so the pickle stays valid). */
    private Path renamedKey(String key, String renamed) throws Exception {
        byte[] from = key.getBytes(StandardCharsets.US_ASCII);
        byte[] to = renamed.getBytes(StandardCharsets.US_ASCII);
        Path target = tmp.resolve("other.pth");
        int replaced = 0;
        try (ZipFile zip = new ZipFile(WEIGHTS.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(entry)) {
                    data = in.readAllBytes();
                }
                if (entry.getName().endsWith("data.pkl")) {
                    for (int at = 0; at + from.length <= data.length; at++) {
                        if (java.util.Arrays.equals(data, at, at + from.length, from, 0, from.length)) {
                            System.arraycopy(to, 0, data, at, to.length);
                            replaced++;
                        }
                    }
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        assertEquals(1, replaced, "the key should occur once");
        return target;
    }
}
