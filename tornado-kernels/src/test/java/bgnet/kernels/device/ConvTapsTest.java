package bgnet.kernels.device;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import bgnet.kernels.ReferenceConv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static bgnet.kernels.TestArrays.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tap geometry: summing staged[q + offset] * weight over {@link ConvTaps#of} for each output must give the
 * convolution itself ({@link ReferenceConv}). A plain convolution is one class over an input staged at its
 * stride; a transposed one is stride² parity classes over a stride-1 staged input, class (py, px) holding the
 * outputs (a*stride + py, b*stride + px) at position a*rowStride + b.
 */
class ConvTapsTest {

    /** transposed, inC, inD, inH, inW, outC, kernel, kernelD, stride, pad, padD, outputPadding. */
    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(false, 2, 1, 4, 5, 3, 3, 1, 1, 1, 0, 0),   // conv3x3, same size
                Arguments.of(false, 2, 1, 5, 7, 2, 3, 1, 2, 1, 0, 0),   // strided conv, odd sizes
                Arguments.of(false, 3, 1, 6, 5, 2, 1, 1, 2, 0, 0, 0),   // 1x1 strided shortcut
                Arguments.of(true, 2, 1, 3, 4, 2, 4, 1, 2, 1, 0, 0),    // Conv2x deconv k4 s2 p1
                Arguments.of(true, 2, 1, 3, 3, 2, 3, 1, 1, 1, 0, 0),    // transposed, stride 1
                Arguments.of(false, 2, 3, 5, 4, 2, 3, 3, 2, 1, 1, 0),   // cbl3(.., 2)
                Arguments.of(true, 2, 3, 2, 3, 2, 3, 3, 2, 1, 1, 1));   // tb3, output padding (0,1,1)
    }

    @ParameterizedTest
    @MethodSource("layers")
    void gatheringThroughTheTapsIsTheConvolution(boolean transposed, int inC, int inD, int inH, int inW, int outC,
                                                 int k, int kd, int s, int pad, int padD, int outPad) {
        StagedLayout in = new StagedLayout(inC, inD, inH, inW, transposed ? 1 : s, padD > 0 ? 1 : 0);
        float[] x = random(inC * inD * inH * inW, 101);
        float[] w = random(outC * inC * kd * k * k, 102);
        float[] staged = DocStaging.stage(in, x);
        double[] expected;
        int outD;
        int outH;
        int outW;
        if (transposed) {
            expected = ReferenceConv.deconv(x, inC, inD, inH, inW, w, outC, kd, k, s, padD, pad, outPad);
            outD = ReferenceConv.deconvOut(inD, kd, 1, padD, 0);
            outH = ReferenceConv.deconvOut(inH, k, s, pad, outPad);
            outW = ReferenceConv.deconvOut(inW, k, s, pad, outPad);
        } else {
            expected = ReferenceConv.conv(x, inC, inD, inH, inW, w, outC, kd, k, s, padD, pad);
            outD = ReferenceConv.convOut(inD, kd, 1, padD);
            outH = ReferenceConv.convOut(inH, k, s, pad);
            outW = ReferenceConv.convOut(inW, k, s, pad);
        }
        int taps = kd * k * k;
        int step = transposed ? s : 1;
        List<Integer> seen = new ArrayList<>();
        int covered = 0;
        for (int py = 0; py < step; py++) {
            for (int px = 0; px < step; px++) {
                List<int[]> classTaps = ConvTaps.of(transposed, k, kd, s, pad, padD, in, py, px);
                for (int t = 0; t < classTaps.size(); t++) {
                    seen.add(classTaps.get(t)[1]);
                    if (t > 0) {
                        assertTrue(classTaps.get(t)[1] > classTaps.get(t - 1)[1], "taps in kernel order");
                    }
                }
                for (int oc = 0; oc < outC; oc++) {
                    for (int od = 0; od < outD; od++) {
                        for (int oy = py; oy < outH; oy += step) {
                            for (int ox = px; ox < outW; ox += step) {
                                int q = od * in.planeStride + (oy / step) * in.rowStride + ox / step;
                                double acc = 0;
                                for (int ic = 0; ic < inC; ic++) {
                                    for (int[] tap : classTaps) {
                                        int at = ic * in.channelStride + q + tap[0];
                                        assertTrue(at >= 0 && at < staged.length, "read outside the staged buffer");
                                        int wi = transposed ? (ic * outC + oc) * taps + tap[1] : (oc * inC + ic) * taps + tap[1];
                                        acc += staged[at] * w[wi];
                                    }
                                }
                                assertEquals(expected[((oc * outD + od) * outH + oy) * outW + ox], acc, 1e-5,
                                        "oc " + oc + " od " + od + " oy " + oy + " ox " + ox);
                                covered++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(expected.length, covered, "every output belongs to exactly one class");
        // Every tap of the kernel is used by exactly one class (a transposed tap reaches one output parity).
        seen.sort(null);
        List<Integer> all = new ArrayList<>();
        for (int t = 0; t < taps; t++) {
            all.add(t);
        }
        assertEquals(all, seen);
    }
}
