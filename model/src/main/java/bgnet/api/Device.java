package bgnet.api;

import bgnet.model.backend.Backend;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.Backends;
import bgnet.model.backend.DeviceInfo;
import bgnet.model.backend.KernelTier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the network runs: the JVM (built in, needs nothing installed) or a TornadoVM device (found at
 * run time when the TornadoVM backend module and TornadoVM itself are present). {@link #list()} gives
 * what {@code bgnet devices} prints; {@link #of(String, String)} takes what {@code --backend} and
 * {@code --device} take. A Device is a value: one can serve any number of estimators.
 */
public final class Device {
    private final String backend;
    private final String id;
    private final Integer threads;
    private final boolean reference;
    /** TornadoVM's kernel cache: a folder, "off", or null for the default. */
    private final String kernelCache;
    private final DeviceInfo info;
    private volatile Backend selected;

    private Device(String backend, String id, Integer threads, boolean reference, DeviceInfo info) {
        this(backend, id, threads, reference, null, info);
    }

    private Device(String backend, String id, Integer threads, boolean reference, String kernelCache, DeviceInfo info) {
        this.kernelCache = kernelCache;
        this.backend = backend;
        this.id = id;
        this.threads = threads;
        this.reference = reference;
        this.info = info;
    }

    /**
     * The JVM on every core.
     *
     * @return the JVM device
     */
    public static Device jvm() {
        return new Device(Backends.JVM, null, null, false, Backends.jvmDevice());
    }

    /**
     * The JVM on {@code threads} threads (with a pool of estimators, give each a share of the cores).
     *
     * @param threads at least 1
     * @return the JVM device
     * @throws DeviceException when threads is below 1
     */
    public static Device jvm(int threads) {
        return of(Backends.JVM, null, threads);
    }

    /**
     * A backend and device by the command line's names: {@code of("jvm", null)}, {@code of("tornado", "0:1")},
     * {@code of("tornado", null)} for TornadoVM's default device.
     *
     * @param backend  "jvm" or "tornado"
     * @param deviceId a TornadoVM device id "backend:index" as {@link #list()} shows it, or null
     * @return the device, checked
     * @throws DeviceException when the backend or device is unknown or TornadoVM is not usable here
     */
    public static Device of(String backend, String deviceId) {
        return of(backend, deviceId, null);
    }

    /**
     * As {@link #of(String, String)}, with the JVM backend's thread count.
     *
     * @param backend  "jvm" or "tornado"
     * @param deviceId a TornadoVM device id, or null
     * @param threads  JVM threads, or null for every core (only for the JVM backend)
     * @return the device, checked
     * @throws DeviceException when the choice is not valid here
     */
    public static Device of(String backend, String deviceId, Integer threads) {
        Device d = new Device(backend, deviceId, threads, false, null);
        d.backend();
        return d;
    }

    /**
     * The fastest device this JVM has: the first TornadoVM GPU when the TornadoVM backend lists one,
     * else the JVM on every core.
     *
     * @return the device
     */
    public static Device best() {
        return best(list());
    }

    /** The first non-JVM GPU of {@code devices}, else the JVM. */
    static Device best(List<Device> devices) {
        for (Device d : devices) {
            // TornadoVM's types read e.g. "GPU (OPENCL, NVIDIA CUDA)".
            if (!Backends.JVM.equals(d.backend) && d.info.type().toUpperCase(Locale.ROOT).startsWith("GPU")) {
                return d;
            }
        }
        return jvm();
    }

    /** A device as a backend lists it (JVM: id null). */
    static Device listed(String backend, DeviceInfo info) {
        return new Device(backend, Backends.JVM.equals(backend) ? null : info.id(), null, false, info);
    }

    /**
     * Every device the network can run on here, the JVM first; backends that cannot list theirs are left
     * out ({@link #problems()} says why).
     *
     * @return the devices, as {@code bgnet devices} lists them
     */
    public static List<Device> list() {
        List<Device> out = new ArrayList<>();
        for (Backends.Listing listing : Backends.listAll()) {
            for (DeviceInfo d : listing.devices()) {
                out.add(listed(listing.backend(), d));
            }
        }
        return out;
    }

    /**
     * Why a backend has no devices here, one line per backend, e.g. "tornado: TornadoVM backend not
     * available: ...".
     *
     * @return the lines; empty when every backend listed its devices
     */
    public static List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Backends.Listing listing : Backends.listAll()) {
            if (listing.error() != null) {
                out.add(listing.backend() + ": " + listing.error());
            }
        }
        return out;
    }

    /**
     * The same device running the per-element reference kernels instead of the tuned ones (much
     * slower; the oracle the fast kernels are tested against).
     *
     * @return a new device
     */
    public Device withReferenceKernels() {
        Device d = new Device(backend, id, threads, true, kernelCache, info);
        d.backend();
        return d;
    }

    /**
     * The same device keeping TornadoVM's compiled kernels in another place. By default a TornadoVM
     * device keeps them in {@code $BGNET_KERNEL_CACHE}, else {@code ~/.cache/bgnet/kernels}, so that a
     * later process skips compiling them; the JVM ignores this.
     *
     * @param folderOrOff a folder, or "off" to compile every time
     * @return a new device
     * @throws DeviceException when the name is blank
     */
    public Device withKernelCache(String folderOrOff) {
        if (folderOrOff == null || folderOrOff.isBlank()) {
            throw new DeviceException("the kernel cache must be a folder or off, got a blank name", null);
        }
        Device d = new Device(backend, id, threads, reference, folderOrOff, info);
        d.backend();
        return d;
    }

    /**
     * The backend's name.
     *
     * @return "jvm" or "tornado"
     */
    public String backendName() {
        return backend;
    }

    /**
     * The id {@code --device} takes.
     *
     * @return "jvm" for the JVM, else e.g. "0:1", or null for TornadoVM's default device
     */
    public String id() {
        return Backends.JVM.equals(backend) ? Backends.JVM : id;
    }

    /**
     * The device's own name, e.g. "NVIDIA H100" or "Java 25 on 8 cores".
     *
     * @return the name, or the backend's description when the device was not listed
     */
    public String name() {
        return info != null ? info.name() : backend().description();
    }

    /**
     * The kind of device.
     *
     * @return "CPU" for the JVM; for TornadoVM the kind and driver, e.g. "GPU (OPENCL, NVIDIA CUDA)"; "" when the
     *         device was not listed
     */
    public String type() {
        return info != null ? info.type() : "";
    }

    /**
     * The memory the device reports (the heap limit for the JVM).
     *
     * @return bytes, or 0 when the device was not listed
     */
    public long memoryBytes() {
        return info != null ? info.memoryBytes() : 0;
    }

    /** The backend this device names, chosen once (cheap: nothing is allocated until an estimator runs). */
    Backend backend() {
        Backend b = selected;
        if (b == null) {
            try {
                b = Backends.select(backend, id, threads,
                        BackendOptions.defaults().withKernels(reference ? KernelTier.REFERENCE : KernelTier.FAST)
                                .withKernelCache(kernelCache));
            } catch (IllegalArgumentException e) {
                throw Errors.device(e);
            }
            selected = b;
        }
        return b;
    }

    /**
     * In words, as the command line shows it.
     *
     * @return e.g. "tornado 0:1 (GPU, NVIDIA H100)"
     */
    @Override
    public String toString() {
        return info == null ? backend().description()
                : String.format(Locale.ROOT, "%s %s (%s, %s)", backend, id(), info.type(), info.name());
    }
}
