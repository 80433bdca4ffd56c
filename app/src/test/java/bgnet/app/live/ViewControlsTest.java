package bgnet.app.live;

import bgnet.model.io.ColorMapKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewControlsTest {

    @Test
    void keysCycleColourMapsToggleDepthRequestSnapshotsAndQuit() {
        ViewControls c = new ViewControls(ColorMapKind.TURBO);
        assertTrue(c.key('c'));
        assertEquals(ColorMapKind.VIRIDIS, c.colorMap());
        c.key('C');
        c.key('c');
        assertEquals(ColorMapKind.TURBO, c.colorMap(), "the cycle wraps around");

        assertFalse(c.showDepth());
        c.key('d');
        assertTrue(c.showDepth());

        assertFalse(c.takeSnapshotRequest());
        c.key('s');
        assertTrue(c.takeSnapshotRequest());
        assertFalse(c.takeSnapshotRequest(), "one press, one snapshot");

        assertFalse(c.key('x'));
        assertFalse(c.quitRequested());
        c.key((char) 27);
        assertTrue(c.quitRequested(), "Esc quits like q");
    }
}
