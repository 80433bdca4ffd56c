package bgnet.app.dataset;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    @Test
    void barRateAndEtaRedrawnInPlace() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), 4);
        bar.pairDone("a", 0, ProgressReporter.Result.SKIPPED);
        bar.pairDone("b", 2.0, ProgressReporter.Result.WRITTEN);
        // Half done; one computed pair of 2 s, two left: ETA 4 s.
        assertTrue(bar.line("b").matches("\\[#{15}\\.{15}] 2/4  [0-9.]+ pairs/s  ETA 0:04  b"), bar.line("b"));
        assertTrue(sink.toString().startsWith("\r\033[K["), "redrawn over the previous line");
        bar.message("error: c: broken");
        assertTrue(sink.toString().endsWith("\r\033[Kerror: c: broken\n".replace("\n", System.lineSeparator())));
    }

    @Test
    void clockReadsAsMinutesOrHours() {
        assertEquals("0:00", ProgressBar.clock(0));
        assertEquals("2:33", ProgressBar.clock(153));
        assertEquals("1:00:05", ProgressBar.clock(3605));
    }
}
