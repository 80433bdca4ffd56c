package bgnet.app.live;

import org.junit.jupiter.api.Test;

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
    void putWaitingKeepsEveryItemAndCloseReleasesTheProducer() throws Exception {
        LatestFrameSlot<Integer> slot = new LatestFrameSlot<>();
        assertTrue(slot.putWaiting(1));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return slot.putWaiting(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(second.isDone(), "the producer waits while the slot is full");
        assertEquals(new LatestFrameSlot.Next.Item<>(1), slot.take(SECOND));
        assertTrue(second.get(5, TimeUnit.SECONDS));
        assertEquals(new LatestFrameSlot.Next.Item<>(2), slot.take(SECOND));
        assertEquals(0, slot.dropped());

        slot.offer(3);
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return slot.putWaiting(4);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        slot.close();
        assertFalse(blocked.get(5, TimeUnit.SECONDS), "a closed slot turns the waiting producer away");
    }
}
