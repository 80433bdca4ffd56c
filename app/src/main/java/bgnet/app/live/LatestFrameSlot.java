package bgnet.app.live;

/**
 * A one-item hand-over between the capture thread and the inference thread. In real time, a new item
 * replaces an unread one (counted as dropped), so inference always gets the newest frame and nothing
 * queues up; {@link #putWaiting} instead makes the producer wait, for runs that must keep every frame.
 *
 * @param <T> the item type
 */
final class LatestFrameSlot<T> {

    /** What {@link #take} returns. */
    sealed interface Next<T> {
        record Item<T>(T value) implements Next<T> {
        }

        record Ended<T>(Outcome end) implements Next<T> {
        }

        record TimedOut<T>() implements Next<T> {
        }
    }

    private T item;
    private Outcome end;
    private boolean closed;
    private long dropped;

    /** Hands over an item, replacing (dropping) one the consumer has not taken yet. */
    synchronized void offer(T value) {
        if (closed) {
            return;
        }
        if (item != null) {
            dropped++;
        }
        item = value;
        notifyAll();
    }

    /** Hands over an item once the slot is empty; false when the consumer has gone. */
    synchronized boolean putWaiting(T value) throws InterruptedException {
        while (item != null && !closed) {
            wait();
        }
        if (closed) {
            return false;
        }
        item = value;
        notifyAll();
        return true;
    }

    /** The producer's last word; the consumer still gets an item already in the slot first. */
    synchronized void finish(Outcome why) {
        if (end == null) {
            end = why;
        }
        notifyAll();
    }

    /** The consumer has gone: producers stop waiting and further items are ignored. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** The newest item, the end of the stream, or a time-out when nothing came for timeoutNanos. */
    synchronized Next<T> take(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (item == null && end == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Next.TimedOut<>();
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        if (item != null) {
            T value = item;
            item = null;
            notifyAll();
            return new Next.Item<>(value);
        }
        return new Next.Ended<>(end);
    }

    synchronized long dropped() {
        return dropped;
    }
}
