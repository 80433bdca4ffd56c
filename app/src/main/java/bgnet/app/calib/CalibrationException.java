package bgnet.app.calib;

/** A calibration that cannot be used; the message is one line meant for the user. */
public final class CalibrationException extends Exception {
    public CalibrationException(String message) {
        super(message);
    }
}
