package bgnet.model.backend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The persistent loop covers every index exactly once, launch after launch, and reports failures. */
class ParallelLoopTest {

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void everyIndexOnceOverManyLaunches(int threads) {
        try (ParallelLoop loop = new ParallelLoop(threads)) {
            for (int n : new int[] {0, 1, 2, 7, 16, 17, 1000, 4099}) {
                for (int launch = 0; launch < 50; launch++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(n);
                    loop.forRange(n, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, seen.get(i), "index " + i + " of " + n);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void aFailingChunkFailsTheLaunchAndTheLoopGoesOn(int threads) {
        try (ParallelLoop loop = new ParallelLoop(threads)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.forRange(100, (from, to) -> {
                if (from <= 50 && 50 < to) {
                    throw new IllegalStateException("chunk with 50");
                }
            }));
            assertEquals("chunk with 50", e.getMessage());
            AtomicIntegerArray seen = new AtomicIntegerArray(1);
            loop.forRange(10, (from, to) -> seen.addAndGet(0, to - from));
            assertEquals(10, seen.get(0));
        }
    }
}
