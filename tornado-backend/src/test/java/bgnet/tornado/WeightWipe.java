package bgnet.tornado;

import bgnet.model.network.Conv;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Weights go to the device on the first execution only. Wiping them on the host must not change the
 * next result; had any task fallen back to Java (which reads the host arrays), it would.
 */
final class WeightWipe {
    private WeightWipe() {
    }

    static void assertWeightsStayOnTheDevice(DeviceFixtureRun run) {
        List<float[]> constants = new ArrayList<>();
        for (Op op : run.program.ops()) {
            if (op instanceof Conv c) {
                constants.add(c.weights().weight());
                constants.add(c.weights().bias());
            }
        }
        List<float[]> saved = constants.stream().map(float[]::clone).toList();
        float[] before = run.disparity;
        assertFalse(Arrays.stream(toDoubles(before)).allMatch(v -> v == 0), "the first run gave an all-zero disparity");
        try {
            constants.forEach(c -> Arrays.fill(c, 0f));
            assertArrayEquals(before, run.run(), "the second run read the wiped host weights");
        } finally {
            for (int k = 0; k < constants.size(); k++) {
                System.arraycopy(saved.get(k), 0, constants.get(k), 0, saved.get(k).length);
            }
        }
    }

    private static double[] toDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
