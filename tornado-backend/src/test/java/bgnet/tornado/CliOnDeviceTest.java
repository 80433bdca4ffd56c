package bgnet.tornado;

import bgnet.app.BGNetCli;
import bgnet.model.testing.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet devices` and `bgnet compare` with this backend found through the service loader. */
class CliOnDeviceTest {

    @Test
    void devicesListsTheTornadoDevice() {
        String[] out = run(0, "devices");
        assertTrue(out[1].startsWith("jvm "), out[1]);
        assertTrue(out[2].matches("0:0 +tornado +CPU \\(OPENCL, .*\\) +[0-9.]+ GiB +.+"), out[2]);
    }

    @Test
    void compareRunsTheDeviceAndChecksItAgainstTheJvm() {
        String[] out = run(0, "compare", "--weights", Fixtures.file("bgnet_random.pth").toString(),
                "--left", Fixtures.file("small_left_src.png").toString(),
                "--right", Fixtures.file("small_right_src.png").toString(),
                "--runs", "1", "--warmup", "0", "--threads", "2", "--profile");
        assertTrue(out[1].startsWith("jvm "), out[1]);
        Matcher m = Pattern.compile("0:0 .* ([0-9.e+-]+) px +[0-9.]+ m?s +[0-9.]+ m?s +tornado 0:0 .*").matcher(out[2]);
        assertTrue(m.matches(), out[2]);
        assertTrue(Double.parseDouble(m.group(1)) <= 0.1, "device disparity differs from the JVM's by " + m.group(1));
        // --profile: then each stage's time on both, the device's from its TaskGraphs.
        assertEquals("", out[3]);
        assertTrue(out[4].matches("STAGE \\(per frame\\) +jvm +0:0"), out[4]);
        assertTrue(java.util.Arrays.stream(out).anyMatch(l -> l.matches("slicing\\+regression +[0-9.]+ m?s +[0-9.]+ m?s")),
                String.join("\n", out));
        assertEquals(4 + 1 + 7, out.length);
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
