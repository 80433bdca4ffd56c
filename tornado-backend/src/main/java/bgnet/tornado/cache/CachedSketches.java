package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.common.Access;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Spares a chain built from a cache entry TornadoVM's sketches. TornadoVM 5.2 builds a "sketch" (a
 * Graal graph of the task's method, on its executor threads) for every method a task graph gets, even
 * when the kernel is already in its code cache; in a fresh process that is a second of Graal for
 * nothing. A task that runs a cached kernel only needs what the sketch says of the method's arguments
 * (their accesses, in the entry) and whether it writes the loop index (batches only; bgnet has none).
 * <p>
 * So, before such a task is added, TornadoVM's sketch cache gets, for its method, an entry whose sketch
 * carries the cached accesses and no graph. Only the callers that read the accesses are handed that
 * one; any other caller (a compiler: another program compiled later in the same process, another
 * device) gets the real sketch, built then through TornadoVM's own path, which then replaces ours.
 * All of it by reflection (the sketcher package must be open to bgnet, see tornado.args); where that
 * fails TornadoVM builds its sketches as usual.
 */
public final class CachedSketches {
    /** The TornadoVM frames that read only a sketch's accesses (and the batch flag). */
    private static final Set<String> ACCESS_READERS = Set.of(
            "uk.ac.manchester.tornado.runtime.tasks.TornadoTaskGraph#addInner",
            "uk.ac.manchester.tornado.runtime.tasks.TornadoTaskGraph#updateInner",
            "uk.ac.manchester.tornado.runtime.graph.TornadoGraphBuilder#buildGraph",
            "uk.ac.manchester.tornado.runtime.common.TornadoXPUDevice#loopIndexInWrite");
    /**
     * TornadoVM's compile step, which looks the sketch up before it sees the kernel in its code cache:
     * handed the graph-less sketch only while this thread prepares a chain whose kernels are all there.
     */
    private static final String COMPILE_STEP = "uk.ac.manchester.tornado.drivers.opencl.runtime.OCLTornadoDevice#compileTask";
    private static final ThreadLocal<Boolean> PREPARING_CACHED = ThreadLocal.withInitial(() -> false);
    private static final String SKETCHER = "uk.ac.manchester.tornado.runtime.sketcher.TornadoSketcher";
    private static final String SKETCH = "uk.ac.manchester.tornado.runtime.sketcher.Sketch";
    private static final String CACHE_ENTRY = SKETCHER + "$TornadoSketcherCacheEntry";
    private static final Reflection REFLECTION = Reflection.load();
    private static final java.util.concurrent.atomic.AtomicInteger SEEDED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger BUILT = new java.util.concurrent.atomic.AtomicInteger();

    private CachedSketches() {
    }

    /** True where this TornadoVM lets sketches be seeded (else tasks get TornadoVM's own sketches). */
    static boolean available() {
        return REFLECTION != null;
    }

    /**
     * Runs TornadoVM's preparation of a chain whose every kernel was installed from a cache entry: its
     * compile step then finds each kernel in the code cache and needs no real sketch.
     */
    public static void preparingCachedChain(Runnable prepare) {
        PREPARING_CACHED.set(true);
        try {
            prepare.run();
        } finally {
            PREPARING_CACHED.set(false);
        }
    }

    /** How many methods this process seeded, and how many of those later needed their real sketch. */
    static int[] counts() {
        return new int[] {SEEDED.get(), BUILT.get()};
    }

    /**
     * Seeds TornadoVM's sketch cache for the method of {@code taskObject} (the task's lambda) with
     * {@code accesses}, on every device TornadoVM has, where it holds no sketch of it yet.
     */
    static void seed(Object taskObject, List<Access> accesses) {
        if (REFLECTION == null) {
            return;
        }
        try {
            REFLECTION.seed(taskObject, accesses.toArray(Access[]::new));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // TornadoVM builds this method's sketch as usual.
        }
    }

    /** The reflective handles, looked up once; null where this TornadoVM does not have them. */
    private record Reflection(Method resolveTask, Object runtime, Method resolveMethod, Method backendCount,
                              Method getBackend, Method numDevices, Method providers, Method suites,
                              Method graphBuilderSuite, Method sketchTier, Constructor<?> request, Method lookup,
                              Field cache, Constructor<?> sketch, Constructor<?> entry, Method matches,
                              Method future) {
        static Reflection load() {
            try {
                ClassLoader loader = Access.class.getClassLoader();
                Class<?> runtimeClass = Class.forName("uk.ac.manchester.tornado.runtime.TornadoCoreRuntime", false, loader);
                Object runtime = runtimeClass.getMethod("getTornadoRuntime").invoke(null);
                Class<?> sketcher = Class.forName(SKETCHER, false, loader);
                Field cache = sketcher.getDeclaredField("cache");
                cache.setAccessible(true);
                Class<?> sketchClass = Class.forName(SKETCH, false, loader);
                Constructor<?> sketch = sketchClass.getDeclaredConstructor(
                        Class.forName("jdk.graal.compiler.graph.Graph", false, sketchClass.getClassLoader()),
                        Access[].class, boolean.class);
                sketch.setAccessible(true);
                Class<?> entryClass = Class.forName(CACHE_ENTRY, false, loader);
                Constructor<?> entry = entryClass.getDeclaredConstructor(int.class, int.class, Future.class);
                entry.setAccessible(true);
                Method matches = entryClass.getMethod("matchesDriverAndDevice", int.class, int.class);
                matches.setAccessible(true);
                Method future = entryClass.getMethod("getSketchFuture");
                future.setAccessible(true);
                Class<?> taskUtils = Class.forName("uk.ac.manchester.tornado.runtime.analyzer.TaskUtils", false, loader);
                Class<?> backend = Class.forName("uk.ac.manchester.tornado.runtime.TornadoAcceleratorBackend", false, loader);
                Class<?> suites = Class.forName("uk.ac.manchester.tornado.runtime.graal.compiler.TornadoSuitesProvider",
                        false, loader);
                Method resolveMethod = runtimeClass.getMethod("resolveMethod", Method.class);
                Class<?> requestClass = Class.forName("uk.ac.manchester.tornado.runtime.sketcher.SketchRequest", false, loader);
                Constructor<?> request = null;
                for (Constructor<?> c : requestClass.getConstructors()) {
                    if (c.getParameterCount() == 6) {
                        request = c;
                    }
                }
                if (request == null) {
                    return null;
                }
                return new Reflection(taskUtils.getMethod("resolveMethodHandle", Object.class), runtime, resolveMethod,
                        runtimeClass.getMethod("getNumBackends"), runtimeClass.getMethod("getBackend", int.class),
                        Class.forName("uk.ac.manchester.tornado.api.TornadoBackend", false, loader).getMethod("getNumDevices"),
                        backend.getMethod("getProviders"), backend.getMethod("getSuitesProvider"),
                        suites.getMethod("getGraphBuilderSuite"), suites.getMethod("getSketchTier"), request,
                        sketcher.getMethod("lookup", resolveMethod.getReturnType(), int.class, int.class),
                        cache, sketch, entry, matches, future);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        void seed(Object taskObject, Access[] accesses) throws ReflectiveOperationException {
            Method method = (Method) resolveTask.invoke(null, taskObject);
            Object resolved = resolveMethod.invoke(runtime, method);
            Map<Object, List<Object>> sketches = (Map<Object, List<Object>>) cache.get(null);
            List<Object> entries = sketches.computeIfAbsent(resolved, k -> Collections.synchronizedList(new ArrayList<>()));
            Object fake = sketch.newInstance(null, accesses, false);
            int backends = (int) backendCount.invoke(runtime);
            boolean any = false;
            synchronized (entries) {
                for (int b = 0; b < backends; b++) {
                    Object backend = getBackend.invoke(runtime, b);
                    int devices = (int) numDevices.invoke(backend);
                    for (int d = 0; d < devices; d++) {
                        if (!has(entries, b, d)) {
                            entries.add(entry.newInstance(b, d, new SeededSketch(fake, resolved, backend, b, d)));
                            any = true;
                        }
                    }
                }
            }
            if (any) {
                SEEDED.incrementAndGet();
            }
        }

        private boolean has(List<Object> entries, int backend, int device) throws ReflectiveOperationException {
            for (Object e : entries) {
                if ((boolean) matches.invoke(e, backend, device)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A sketch cache entry's future: the graph-less sketch to the callers that read accesses only, the
     * real one (built on first need, through TornadoVM's own request and lookup) to everyone else.
     */
    private static final class SeededSketch implements Future<Object> {
        private final Object fake;
        private final Object resolvedMethod;
        private final Object backend;
        private final int backendIndex;
        private final int deviceIndex;
        private volatile Object real;

        SeededSketch(Object fake, Object resolvedMethod, Object backend, int backendIndex, int deviceIndex) {
            this.fake = fake;
            this.resolvedMethod = resolvedMethod;
            this.backend = backend;
            this.backendIndex = backendIndex;
            this.deviceIndex = deviceIndex;
        }

        @Override
        public Object get() {
            Object r = real;
            if (r != null) {
                return r;
            }
            boolean cachedCompile = PREPARING_CACHED.get();
            boolean accessesOnly = StackWalker.getInstance().walk(frames -> frames.limit(6)
                    .map(f -> f.getClassName() + "#" + f.getMethodName())
                    .anyMatch(f -> ACCESS_READERS.contains(f) || (cachedCompile && f.equals(COMPILE_STEP))));
            return accessesOnly ? fake : real();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }

        /** Replaces this entry by a real sketch request, as TornadoVM makes for a new method, and waits for it. */
        @SuppressWarnings("unchecked")
        private synchronized Object real() {
            if (real != null) {
                return real;
            }
            try {
                Map<Object, List<Object>> sketches = (Map<Object, List<Object>>) REFLECTION.cache().get(null);
                List<Object> entries = sketches.get(resolvedMethod);
                synchronized (entries) {
                    entries.removeIf(e -> isThis(e));
                }
                Reflection r = REFLECTION;
                Object suites = r.suites().invoke(backend);
                Object request = r.request().newInstance(resolvedMethod, r.providers().invoke(backend),
                        r.graphBuilderSuite().invoke(suites), r.sketchTier().invoke(suites), backendIndex, deviceIndex);
                request.getClass().getMethod("run").invoke(request);
                real = r.lookup().invoke(null, resolvedMethod, backendIndex, deviceIndex);
                BUILT.incrementAndGet();
                return real;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("building the sketch TornadoVM needs to compile: " + e, e);
            }
        }

        private boolean isThis(Object entry) {
            try {
                return REFLECTION.future().invoke(entry) == this;
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    }
}
