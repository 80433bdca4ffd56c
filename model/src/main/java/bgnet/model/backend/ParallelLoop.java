package bgnet.model.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs {@code body(from, to)} over [0, n) split into chunks on a pool created once, so layers pay no
 * thread start-up. With one thread it runs inline.
 */
public final class ParallelLoop implements AutoCloseable {

    /** A slice of a parallel loop. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    public ParallelLoop(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    public void forRange(int n, Body body) {
        if (pool == null || n < 2) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(n, threads * 8);
        pool.invoke(new Slice(body, n, chunks, 0, chunks));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Splits the chunk range in halves until one chunk remains. */
    private static final class Slice extends RecursiveAction {
        private final Body body;
        private final int n;
        private final int chunks;
        private final int lo;
        private final int hi;

        Slice(Body body, int n, int chunks, int lo, int hi) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.run((int) ((long) n * lo / chunks), (int) ((long) n * hi / chunks));
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Slice(body, n, chunks, lo, mid), new Slice(body, n, chunks, mid, hi));
        }
    }
}
