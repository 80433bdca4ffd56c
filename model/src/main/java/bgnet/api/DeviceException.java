package bgnet.api;

/**
 * A device that cannot be used: an unknown backend or device id, or TornadoVM not installed or not
 * usable in this JVM. The message lists the valid choices.
 */
public final class DeviceException extends BGNetException {
    private static final long serialVersionUID = 1L;

    DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
