package bgnet.app.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void oddSampleHasItsMiddleValueAsMedian() {
        Stats s = Stats.of(9, 1, 5, 3, 7);
        assertEquals(5, s.count());
        assertEquals(5, s.median());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
        assertEquals(5, s.mean());
    }

    @Test
    void evenSampleAveragesTheTwoMiddleValues() {
        Stats s = Stats.of(List.of(4.0, 1.0, 10.0, 2.0));
        assertEquals(3, s.median(), "(2 + 4) / 2");
        assertEquals(4.25, s.mean());
    }

    @Test
    void percentileIsTheNearestRank() {
        double[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        Stats s = Stats.of(oneToTen);
        assertEquals(1, s.percentile(0));
        assertEquals(1, s.percentile(10), "10% of 10 values: rank 1");
        assertEquals(2, s.percentile(11), "just over 10%: rank 2");
        assertEquals(5, s.percentile(50));
        assertEquals(10, s.percentile(99));
        assertEquals(10, s.percentile(100));
        assertArrayEquals(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, oneToTen, "the caller's sample is not sorted in place");
    }

    @Test
    void anEmptySampleIsNaNEverywhere() {
        Stats s = Stats.of();
        assertEquals(0, s.count());
        for (double v : new double[] {s.min(), s.max(), s.mean(), s.median(), s.percentile(50)}) {
            assertTrue(Double.isNaN(v));
        }
    }
}
