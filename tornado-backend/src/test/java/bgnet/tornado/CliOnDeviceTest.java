package bgnet.tornado;

import bgnet.app.BGNetCli;
import bgnet.model.backend.DeviceInfo;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet devices` and `bgnet compare` with this backend found through the service loader. */
class CliOnDeviceTest {

    /** Every device TornadoVM sees, whatever its type and index. */
    static final List<DeviceInfo> DEVICES = TornadoDevices.list();

    @Test
    void devicesListsEveryTornadoDevice() {
        String[] out = run(0, "devices");
        assertTrue(out[1].startsWith("jvm "), out[1]);
        assertEquals(2 + DEVICES.size(), out.length, String.join("\n", out));
        for (int i = 0; i < DEVICES.size(); i++) {
            String row = Pattern.quote(DEVICES.get(i).id()) + " +tornado +[A-Z_]+ \\((OPENCL|PTX|SPIRV), .*\\) +[0-9.]+ GiB +.+";
            assertTrue(out[2 + i].matches(row), out[2 + i]);
        }
    }

    @Test
    void compareRunsTheDeviceAndChecksItAgainstTheJvm() {
        String[] out = run(0, "compare", "--weights", Fixtures.file("bgnet_random.pth").toString(),
                "--left", Fixtures.file("small_left_src.png").toString(),
                "--right", Fixtures.file("small_right_src.png").toString(),
                "--runs", "1", "--warmup", "0", "--threads", "2", "--profile");
        assertTrue(out[1].startsWith("jvm "), out[1]);
        int k = DEVICES.size();
        String ids = "";
        for (int i = 0; i < k; i++) {
            String id = Pattern.quote(DEVICES.get(i).id());
            Matcher m = Pattern.compile(id + " .* ([0-9.e+-]+) px +[0-9.]+ m?s +[0-9.]+ m?s +tornado " + id + " .*")
                    .matcher(out[2 + i]);
            assertTrue(m.matches(), out[2 + i]);
            assertTrue(Double.parseDouble(m.group(1)) <= 0.1, "device disparity differs from the JVM's by " + m.group(1));
            ids += " +" + id;
        }
        // --profile: then each stage's time on every backend, the devices' from their TaskGraphs.
        assertEquals("", out[2 + k]);
        assertTrue(out[3 + k].matches("STAGE \\(per frame\\) +jvm" + ids), out[3 + k]);
        String times = " +[0-9.]+ m?s".repeat(1 + k);
        assertTrue(java.util.Arrays.stream(out).anyMatch(l -> l.matches("slicing\\+regression" + times)),
                String.join("\n", out));
        // BGNet has seven stages (no refinement).
        assertEquals(4 + k + 7, out.length);
    }

    private static String[] run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BGNetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(expectedExit, cli.execute(args), err.toString());
        System.out.print(out);
        return out.toString().strip().split("\\R");
    }
}
