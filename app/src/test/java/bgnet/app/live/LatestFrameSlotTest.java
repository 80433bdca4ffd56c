package bgnet.app.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestFrameSlotTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewerItemReplacesAnUnreadOneAndCountsAsADrop() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        slot.offer(1);
        slot.offer(2);
        slot.offer(3);
        assertEquals(new LatestFrameSlot.Next.Item<>(3), slot.take(SECOND), "the newest frame wins");
        assertEquals(2, slot.dropped());
        slot.offer(4);
        assertEquals(new LatestFrameSlot.Next.Item<>(4), slot.take(SECOND));
        assertEquals(2, slot.dropped(), "an item that was taken is not a drop");
    }

    @Test
    void theLastItemIsDeliveredBeforeTheEnd() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        slot.offer(7);
        slot.finish(Outcome.ok("end of video"));
        slot.finish(Outcome.error("ignored: the first word stands"));
        assertEquals(new LatestFrameSlot.Next.Item<>(7), slot.take(SECOND));
        assertEquals(new LatestFrameSlot.Next.Ended<>(Outcome.ok("end of video")), slot.take(SECOND));
    }

    @Test
    void takeTimesOutWhenNothingComes() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        long t0 = System.nanoTime();
        assertInstanceOf(LatestFrameSlot.Next.TimedOut.class, slot.take(SECOND / 20));
        assertTrue(System.nanoTime() - t0 >= SECOND / 20);
    }

    @Test
    void putWaitingWaitsForAFullSlotToEmpty() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        assertTrue(slot.putWaiting(1));
        Producer second = Producer.start(() -> slot.putWaiting(2));
        second.awaitWaiting();
        assertFalse(second.result.isDone(), "the producer waits while the slot is full");
        assertEquals(new LatestFrameSlot.Next.Item<>(1), slot.take(SECOND));
        assertTrue(second.result.get(5, TimeUnit.SECONDS), "taking the item lets the producer in");
        assertEquals(new LatestFrameSlot.Next.Item<>(2), slot.take(SECOND), "the waiting producer's item arrives");
        assertEquals(0, slot.dropped(), "nothing was replaced");
    }

    @Test
    void closeTurnsAWaitingProducerAway() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        slot.offer(3);
        Producer blocked = Producer.start(() -> slot.putWaiting(4));
        blocked.awaitWaiting();
        slot.close();
        assertFalse(blocked.result.get(5, TimeUnit.SECONDS), "a closed slot turns the waiting producer away");
        assertEquals(new LatestFrameSlot.Next.Item<>(3), slot.take(SECOND), "the turned-away item never replaced the unread one");
    }

    /** A producer on its own thread, so that the test can see it blocked inside the slot (not merely not started yet). */
    private record Producer(Thread thread, CompletableFuture<Boolean> result) {
        static Producer start(Callable<Boolean> put) {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    result.complete(put.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "test-producer");
            t.setDaemon(true);
            t.start();
            return new Producer(t, result);
        }

        /** Returns once the producer waits on the slot's monitor; fails if it finishes or hangs elsewhere instead. */
        void awaitWaiting() throws InterruptedException {
            long deadline = System.nanoTime() + 5 * SECOND;
            while (thread.getState() != Thread.State.WAITING) {
                assertFalse(result.isDone(), "the producer returned instead of waiting: " + result);
                assertTrue(System.nanoTime() < deadline, "the producer never started waiting: " + thread.getState());
                Thread.sleep(1);
            }
        }
    }
}
