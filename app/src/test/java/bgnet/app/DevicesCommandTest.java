package bgnet.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `bgnet devices` without TornadoVM on the class path (the default build): the JVM, and why TornadoVM is missing. */
class DevicesCommandTest {

    @Test
    void listsTheJvmAndExplainsTheMissingTornadoBackend() {
        CapturedRun r = CapturedRun.of("devices");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertTrue(lines[0].matches("ID +BACKEND +TYPE +MEMORY +NAME"), lines[0]);
        assertTrue(lines[1].matches("jvm +jvm +CPU +[0-9.]+ GiB +Java \\d+ on \\d+ cores?"), lines[1]);
        assertEquals("tornado: TornadoVM backend not available: install TornadoVM and run scripts/bgnet with "
                + "TORNADOVM_HOME set", lines[2]);
        assertEquals(3, lines.length);
    }
}
