package bgnet.model.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks a backend by name: the JVM one is built in, others (TornadoVM) are found through
 * {@link BackendProvider} at run time. Every failure is an {@link IllegalArgumentException} with
 * one line the user can act on.
 */
public final class Backends {
    public static final String JVM = "jvm";
    public static final String TORNADO = "tornado";
    static final String TORNADO_MISSING =
            "TornadoVM backend not available: install TornadoVM and run scripts/bgnet with TORNADOVM_HOME set";

    private Backends() {
    }

    /** The backend for --backend / --device / --threads; {@code device} and {@code threads} may be null. */
    public static Backend select(String backend, String device, Integer threads) {
        return select(backend, device, threads, BackendOptions.defaults());
    }

    public static Backend select(String backend, String device, Integer threads, BackendOptions options) {
        return select(backend, device, threads, options, providers());
    }

    /** The JVM and every provider's devices, or why a provider cannot list them, for `bgnet devices`. */
    public static List<Listing> listAll() {
        return listAll(providers());
    }

    /** Devices of one backend, or the reason it has none. */
    public record Listing(String backend, List<DeviceInfo> devices, String error) {
    }

    public static DeviceInfo jvmDevice() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new DeviceInfo(JVM, "Java " + Runtime.version().feature() + " on " + cores + " core" + (cores == 1 ? "" : "s"),
                "CPU", Runtime.getRuntime().maxMemory());
    }

    static Backend select(String backend, String device, Integer threads, BackendOptions options,
                          List<BackendProvider> providers) {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (JVM.equals(backend)) {
            if (device != null && !JVM.equals(device)) {
                throw new IllegalArgumentException("--device " + device + " is for --backend " + TORNADO
                        + "; the JVM backend runs on this CPU (use --threads)");
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            return new JvmBackend(n, options.kernels() == KernelTier.REFERENCE);
        }
        BackendProvider provider = providers.stream().filter(p -> p.id().equals(backend)).findFirst()
                .orElseThrow(() -> unavailable(backend, providers));
        if (threads != null) {
            throw new IllegalArgumentException("--threads applies to --backend " + JVM + " only");
        }
        List<DeviceInfo> devices = devices(provider);
        if (device != null && devices.stream().noneMatch(d -> d.id().equals(device))) {
            throw new IllegalArgumentException("unknown device " + device + "; valid: " + describe(devices));
        }
        return provider.create(device, options);
    }

    static List<Listing> listAll(List<BackendProvider> providers) {
        List<Listing> out = new ArrayList<>();
        out.add(new Listing(JVM, List.of(jvmDevice()), null));
        for (BackendProvider p : providers) {
            try {
                out.add(new Listing(p.id(), devices(p), null));
            } catch (IllegalArgumentException e) {
                out.add(new Listing(p.id(), List.of(), e.getMessage()));
            }
        }
        if (providers.stream().noneMatch(p -> TORNADO.equals(p.id()))) {
            out.add(new Listing(TORNADO, List.of(), TORNADO_MISSING));
        }
        return out;
    }

    private static List<BackendProvider> providers() {
        List<BackendProvider> found = new ArrayList<>();
        try {
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // A provider whose runtime is missing (its jar without TornadoVM's): treated as absent.
        }
        return found;
    }

    private static List<DeviceInfo> devices(BackendProvider provider) {
        try {
            return provider.devices();
        } catch (IllegalStateException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(provider.id() + " backend not usable in this JVM (" + why
                    + "); start bgnet through scripts/bgnet or TornadoVM's `tornado` launcher", e);
        }
    }

    private static IllegalArgumentException unavailable(String backend, List<BackendProvider> providers) {
        if (TORNADO.equals(backend)) {
            return new IllegalArgumentException(TORNADO_MISSING);
        }
        List<String> names = new ArrayList<>(List.of(JVM));
        providers.forEach(p -> names.add(p.id()));
        if (!names.contains(TORNADO)) {
            names.add(TORNADO);
        }
        return new IllegalArgumentException("unknown backend '" + backend + "'; valid: " + String.join(", ", names));
    }

    static String describe(List<DeviceInfo> devices) {
        if (devices.isEmpty()) {
            return "none (no device found)";
        }
        return devices.stream().map(d -> d.id() + " (" + d.name() + ")").collect(Collectors.joining(", "));
    }
}
