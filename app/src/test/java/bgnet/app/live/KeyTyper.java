package bgnet.app.live;

import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/** Clicks at (x, y) to focus a window, then types keys with a pause after each: what a viewer would do. */
public final class KeyTyper {

    private KeyTyper() {
    }

    /** Arguments: x y pauseMillis key... (letters). */
    public static void main(String[] args) throws Exception {
        Robot robot = new Robot();
        robot.setAutoDelay(30);
        robot.mouseMove(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.delay(300);
        int pause = Integer.parseInt(args[2]);
        for (int i = 3; i < args.length; i++) {
            int code = KeyEvent.getExtendedKeyCodeForChar(args[i].charAt(0));
            robot.keyPress(code);
            robot.keyRelease(code);
            robot.waitForIdle();
            robot.delay(pause);
        }
        System.exit(0);
    }
}
