package bgnet.model.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code body(from, to)} over [0, n) split into chunks, on threads started once: the calling
 * thread takes chunks too, and {@code threads - 1} helpers spin briefly between launches before they
 * park, so the ~200 launches of a forward pass pay no task submission and rarely a thread wake-up.
 * The spin is short because on a shared machine a spinning thread takes the core from one that works.
 * With one thread it runs inline. One loop runs one launch at a time: {@link #forRange} is not re-entrant.
 */
public final class ParallelLoop implements AutoCloseable {

    /** A slice of a parallel loop. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    /** Busy-wait rounds (Thread.onSpinWait) before a waiting thread parks: a few microseconds. */
    private static final int SPINS = 1 << 8;

    private final int threads;
    private final Thread[] helpers;
    private volatile Launch launch;
    private volatile Thread caller;
    private volatile boolean closed;

    public ParallelLoop(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = Thread.ofPlatform().daemon().name("bgnet-jvm-" + (i + 1)).unstarted(this::help);
            helpers[i].start();
        }
    }

    public int threads() {
        return threads;
    }

    public void forRange(int n, Body body) {
        if (helpers.length == 0 || n < 2) {
            body.run(0, n);
            return;
        }
        Launch l = new Launch(body, n, Math.min(n, threads * 8));
        caller = Thread.currentThread();
        launch = l;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        l.work();
        for (int spins = 0; l.finished.get() < l.chunks; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        launch = null;
        l.rethrow();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }

    /** A helper's life: take chunks of each new launch, wait (spin, then park) for the next. */
    private void help() {
        Launch last = null;
        int spins = 0;
        while (!closed) {
            Launch l = launch;
            if (l != null && l != last) {
                last = l;
                spins = 0;
                if (l.work()) {
                    LockSupport.unpark(caller);
                }
            } else if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                spins = 0;
            }
        }
    }

    /** One forRange call: chunks handed out by a counter; the first failure is kept for the caller. */
    private static final class Launch {
        final Body body;
        final int n;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Launch(Body body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
        }

        /** Runs chunks until none are left; true when this thread finished the last one. */
        boolean work() {
            boolean last = false;
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                }
                last = finished.incrementAndGet() == chunks;
            }
            return last;
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
