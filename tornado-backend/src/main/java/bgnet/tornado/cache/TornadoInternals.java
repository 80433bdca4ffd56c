package bgnet.tornado.cache;

import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoTaskGraphInterface;
import uk.ac.manchester.tornado.api.common.SchedulableTask;
import uk.ac.manchester.tornado.api.runtime.TaskContextInterface;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The few things the cache reads from TornadoVM 5.2 beyond its API, in one place, by reflection (its
 * API module is open, its runtime and OpenCL driver export these classes): the task graph an
 * {@link ImmutableTaskGraph} runs, the kernel source TornadoVM compiled for a task and whether a launch
 * leaves the work-group size to the OpenCL driver. A TornadoVM without them makes the cache a no-op.
 */
final class TornadoInternals {
    private static final String XPU_DEVICE = "uk.ac.manchester.tornado.runtime.common.TornadoXPUDevice";

    private TornadoInternals() {
    }

    /** The runtime's task graph inside a snapshot (the object that compiles and runs it). */
    static TornadoTaskGraphInterface runtimeGraph(ImmutableTaskGraph snapshot) {
        try {
            Field graph = ImmutableTaskGraph.class.getDeclaredField("taskGraph");
            graph.setAccessible(true);
            Field impl = TaskGraph.class.getDeclaredField("taskGraphImpl");
            impl.setAccessible(true);
            return (TornadoTaskGraphInterface) impl.get(graph.get(snapshot));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedOperationException("this TornadoVM hides its task graphs (" + e + ")", e);
        }
    }

    /** The source TornadoVM generated and installed for a task in execution plan {@code planId}. */
    static byte[] kernelSource(SchedulableTask task, long planId) {
        try {
            Method fromCache = Class.forName(XPU_DEVICE).getMethod("getCodeFromCache", long.class, SchedulableTask.class);
            Object code = fromCache.invoke(task.getDevice(), planId, task);
            if (code == null) {
                throw new UnsupportedOperationException("no installed code for task " + task.getId());
            }
            return (byte[]) code.getClass().getMethod("getCode").invoke(code);
        } catch (InvocationTargetException e) {
            throw new UnsupportedOperationException("reading the kernel of " + task.getId() + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedOperationException("reading the kernel of " + task.getId() + ": " + e, e);
        }
    }

    /**
     * Builds {@code source} with the device's driver and files it in TornadoVM's code cache of plan
     * {@code planId} as task {@code task}'s kernel, where TornadoVM looks before it compiles the task.
     */
    static void installKernel(Object device, long planId, SchedulableTask task, String entryPoint, byte[] source) {
        try {
            Object context = device.getClass().getMethod("getDeviceContext").invoke(device);
            Method install = null;
            for (Method m : context.getClass().getMethods()) {
                Class<?>[] t = m.getParameterTypes();
                if (m.getName().equals("installCode") && t.length == 5 && t[0] == long.class && t[2] == String.class
                        && t[4] == byte[].class) {
                    install = m;
                }
            }
            if (install == null) {
                throw new UnsupportedOperationException("no installCode on " + context.getClass().getName());
            }
            Object code = install.invoke(context, planId, task.meta(), task.getId(), entryPoint, source);
            Object valid = code.getClass().getMethod("isValid").invoke(code);
            if (!Boolean.TRUE.equals(valid)) {
                throw new IllegalStateException("the driver did not build the cached kernel of " + task.getId());
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("building the cached kernel of " + task.getId() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("this TornadoVM does not take kernels (" + e + ")", e);
        }
    }

    /**
     * Files task {@code from}'s installed kernel in TornadoVM's code cache of plan {@code planId} as task
     * {@code to}'s too (tasks whose generated source is identical share one driver build). Returns false
     * where TornadoVM's code cache is closed to us (then {@code to} gets its own build).
     */
    @SuppressWarnings("unchecked")
    static boolean shareKernel(Object device, long planId, SchedulableTask from, SchedulableTask to, String entryPoint) {
        try {
            Object context = device.getClass().getMethod("getDeviceContext").invoke(device);
            Object codeCache = context.getClass().getMethod("getCodeCache", long.class).invoke(context, planId);
            Method check = context.getClass().getDeclaredMethod("checkKernelName", String.class);
            check.setAccessible(true);
            String name = (String) check.invoke(context, entryPoint);
            Field field = codeCache.getClass().getDeclaredField("cache");
            field.setAccessible(true);
            java.util.Map<String, Object> cache = (java.util.Map<String, Object>) field.get(codeCache);
            Object code = cache.get(from.getId() + "-" + name);
            if (code == null) {
                return false;
            }
            cache.put(to.getId() + "-" + name, code);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** True where TornadoVM launches the task with no work-group size (the OpenCL driver picks one). */
    static boolean driverPicksGroups(TaskContextInterface meta) {
        try {
            return (boolean) meta.getClass().getMethod("shouldUseOpenCLDriverScheduling").invoke(meta);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
