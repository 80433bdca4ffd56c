package bgnet.app.bench;

import bgnet.kernels.Activation;
import bgnet.model.network.Conv;
import bgnet.model.network.ConvGeometry;
import bgnet.model.network.Copy;
import bgnet.model.network.FoldedConv;
import bgnet.model.network.Op;
import bgnet.model.network.Stage;
import bgnet.model.network.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-op and per-kind figures: medians, sums per kind, GFLOP/s from the convolutions' MACs. */
class OpReportTest {

    @Test
    void opsAreSummedPerKindWithGflopsFromTheirMacs() {
        // 8 -> 4 channels, 3x3, 10x10 output: 4*100 outputs * 8*9 MACs = 28,800 MACs.
        Conv a = conv("a", 1);
        Conv b = conv("b", 1);
        Conv s2 = conv("s2", 2);
        Op copy = new Copy("copy", Stage.FEATURES, new Tensor(0, 1, 1, 1, 5).all(), new Tensor(1, 1, 1, 1, 5).all());
        OpReport r = new OpReport(List.of(a, copy, b, s2), Map.of(
                0, Stats.of(new double[] {1.0, 3.0, 2.0}),
                1, Stats.of(new double[] {0.5}),
                2, Stats.of(new double[] {4.0}),
                3, Stats.of(new double[] {1.0})));
        assertEquals(List.of("a", "copy", "b", "s2"), r.rows().stream().map(OpReport.Row::name).toList());
        assertEquals(2.0, r.rows().get(0).medianMs());
        assertEquals(2.0 * 28_800 / 2e6, r.rows().get(0).gflops(), 1e-12);
        assertTrue(Double.isNaN(r.rows().get(1).gflops()), "a copy has no multiply-accumulates");
        assertEquals(List.of("conv2d", "copy", "conv2d s2"), r.kinds().stream().map(OpReport.KindRow::kind).toList());
        OpReport.KindRow conv = r.kinds().get(0);
        assertEquals(2, conv.ops());
        assertEquals(6.0, conv.medianMs());
        assertEquals(2.0 * 2 * 28_800 / 6e6, conv.gflops(), 1e-12);
        assertTrue(r.table().contains("conv2d s2"), r.table());
    }

    private static Conv conv(String name, int stride) {
        int out = 10 * stride;
        return new Conv(name, Stage.FEATURES, new Tensor(0, 8, 1, out, out).all(),
                new FoldedConv(null, new float[4 * 8 * 9], new float[4]), null, new Tensor(1, 4, 1, 10, 10).all(),
                new ConvGeometry(false, false, 3, stride, 1, Activation.RELU));
    }
}
