package bgnet.model;

import bgnet.model.network.Architecture;

import java.util.Locale;

/**
 * Estimates the heap a job needs before it allocates, so that a job that cannot fit is refused with
 * one line saying how much it needs and how to give it, instead of an OutOfMemoryError half-way.
 *
 * <p>The network's buffers grow with the padded input area: bytes ≈ fixed + perPixel × H × W. Measured
 * on the JVM backend (fast path, 2 threads) as the heap still in use after the first frame, with the
 * estimator held, after System.gc(), at 256x512 and 384x1280 (fit through both points):
 * BGNet 91.2 / 265.3 MB, BGNet+ 113.9 / 314.0 MB. The first frame's peak is the same to within a few
 * MB: BGNet+ at 384x1280 still ran with -Xmx360m. Re-measure when the plan changes.
 */
public final class MemoryBudget {
    /** Bytes per padded input pixel and fixed bytes (weights, repacked weights) per architecture. */
    private static final double BGNET_PER_PIXEL = 483;
    private static final double BGNET_FIXED = 28e6;
    private static final double BGNET_PLUS_PER_PIXEL = 555;
    private static final double BGNET_PLUS_FIXED = 41e6;
    /** Safety margin on the measured figures (other backends, JIT, GC headroom). */
    private static final double MARGIN = 1.15;

    private MemoryBudget() {
    }

    /** Heap bytes the network's plan and buffers take for a padded height x width input. */
    public static long networkBytes(Architecture architecture, int height, int width) {
        boolean plus = architecture == Architecture.BGNET_PLUS;
        double pixels = (double) height * width;
        return (long) (MARGIN * ((plus ? BGNET_PLUS_FIXED : BGNET_FIXED) + pixels * (plus ? BGNET_PLUS_PER_PIXEL : BGNET_PER_PIXEL)));
    }

    /** The heap this JVM can still hand out: its maximum less what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** @throws MemoryShortage when {@code bytes} more will not fit in the heap; {@code what} says what needs it */
    public static void require(long bytes, String what, String smaller) {
        long free = available();
        if (bytes > free) {
            System.gc();  // what is in use may be mostly garbage; only a refusal pays for the collection
            free = available();
        }
        if (bytes > free) {
            Runtime rt = Runtime.getRuntime();
            long inUse = rt.totalMemory() - rt.freeMemory();
            long suggest = (long) Math.ceil((inUse + bytes) * 1.1 / (1L << 30));
            throw new MemoryShortage(String.format(Locale.ROOT,
                    "%s needs about %s of Java heap but only %s is free (maximum %s): give the JVM more with "
                            + "JAVA_OPTS=-Xmx%dg%s", what, size(bytes), size(free), size(rt.maxMemory()),
                    Math.max(1, suggest), smaller == null ? "" : ", or " + smaller));
        }
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
