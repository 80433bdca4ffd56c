package bgnet.model.backend;

import java.util.List;

/**
 * A backend found at run time through {@link java.util.ServiceLoader}, so that the app builds and
 * runs without it (the TornadoVM backend is only built where TornadoVM is installed).
 */
public interface BackendProvider {

    /** The --backend name, e.g. "tornado". */
    String id();

    /**
     * The devices this backend can run on, in id order.
     *
     * @throws IllegalStateException when the backend's runtime is not usable in this JVM
     */
    List<DeviceInfo> devices();

    /**
     * A backend bound to one device.
     *
     * @param deviceId one of {@link #devices()}' ids, or null for the backend's default device
     * @throws IllegalArgumentException for an unknown device id
     */
    Backend create(String deviceId, BackendOptions options);
}
