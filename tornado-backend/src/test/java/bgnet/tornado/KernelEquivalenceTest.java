package bgnet.tornado;

import bgnet.kernels.Activation;
import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;
import bgnet.model.backend.BackendOptions;
import bgnet.model.backend.JvmBackend;
import bgnet.model.backend.ProgramRunner;
import bgnet.model.network.Architecture;
import bgnet.model.network.NetworkProgram;
import bgnet.model.network.Op;
import bgnet.model.network.OpKind;
import bgnet.model.network.Stage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kernel family as a one-task TaskGraph on the TornadoVM device, against the same shared math
 * run by the JVM backend, on small odd shapes (offsets, residuals, strides, every activation).
 */
class KernelEquivalenceTest {
    private final Random random = new Random(7);

    @Test
    void conv2dStrideTwoWithOffsetsAndLeakyRelu() {
        float[] in = rand(5 + 3 * 9 * 11);
        float[] out = new float[3 + 4 * 5 * 6];
        int[] p = Conv2dKernels.params(5, 3, 9, 11, 3, 4, 5, 6, 3, 2, 1, Activation.LEAKY_RELU, -1);
        check(OpKind.CONV2D, p, Conv2dKernels.size(p), 3, in, rand(4 * 3 * 9), rand(4), new float[1], out);
    }

    @Test
    void conv2dWithResidualAndTanh() {
        float[] out = new float[4 * 7 * 8];
        int[] p = Conv2dKernels.params(0, 6, 7, 8, 0, 4, 7, 8, 3, 1, 1, Activation.TANH, 0);
        check(OpKind.CONV2D, p, Conv2dKernels.size(p), 0, rand(6 * 7 * 8), rand(4 * 6 * 9), rand(4), rand(4 * 7 * 8), out);
    }

    @Test
    void deconv2dKernelFourStrideTwo() {
        float[] out = new float[2 * 10 * 12];
        int[] p = Conv2dKernels.params(0, 3, 5, 6, 0, 2, 10, 12, 4, 2, 1, Activation.RELU, -1);
        check(OpKind.DECONV2D, p, Conv2dKernels.size(p), 0, rand(3 * 5 * 6), rand(3 * 2 * 16), rand(2), new float[1], out);
    }

    @Test
    void conv3dStrideTwo() {
        float[] out = new float[3 * 4 * 3 * 4];
        int[] p = Conv3dKernels.params(0, 2, 4, 6, 7, 0, 3, 4, 3, 4, 3, 2, 1, Activation.LEAKY_RELU, -1);
        check(OpKind.CONV3D, p, Conv3dKernels.size(p), 0, rand(2 * 4 * 6 * 7), rand(3 * 2 * 27), rand(3), new float[1], out);
    }

    @Test
    void conv3dWithResidual() {
        float[] out = new float[2 * 3 * 5 * 4];
        int[] p = Conv3dKernels.params(0, 3, 3, 5, 4, 0, 2, 3, 5, 4, 3, 1, 1, Activation.NONE, 0);
        check(OpKind.CONV3D, p, Conv3dKernels.size(p), 0, rand(3 * 3 * 5 * 4), rand(2 * 3 * 27), rand(2), rand(2 * 3 * 5 * 4), out);
    }

    @Test
    void deconv3dStrideTwo() {
        float[] out = new float[2 * 4 * 6 * 8];
        int[] p = Conv3dKernels.params(0, 3, 4, 3, 4, 0, 2, 4, 6, 8, 3, 2, 1, Activation.NONE, -1);
        check(OpKind.DECONV3D, p, Conv3dKernels.size(p), 0, rand(3 * 4 * 3 * 4), rand(3 * 2 * 27), rand(2), new float[1], out);
    }

    @Test
    void groupwiseCorrelation() {
        float[] out = new float[4 * 5 * 4 * 9];
        int[] p = CostVolumeKernels.params(16, 4, 5, 4, 9);
        check(OpKind.GWC_VOLUME, p, CostVolumeKernels.size(p), 0, rand(16 * 36), rand(16 * 36), out);
    }

    @Test
    void sliceAndRegressFused() {
        int gh = 4;
        int gw = 6;
        float[] grid = rand(32 * 25 * gh * gw);
        for (int i = 0; i < grid.length; i++) {
            grid[i] *= 20f;
        }
        float[] guide = rand(8 * 12);
        for (int i = 0; i < guide.length; i++) {
            guide[i] *= 2f;
        }
        int[] p = BilateralSliceKernels.params(25, 32, gh, gw, 8, 12, 97);
        check(OpKind.SLICE_REGRESS, p, BilateralSliceKernels.size(p), 0, grid, guide, new float[8 * 12]);
    }

    @Test
    void bilinearUpTimesTwoAndDownByHalf() {
        int[] up = ResampleKernels.params(5, 7, 10, 14, 1, 2, 2);
        check(OpKind.BILINEAR, up, ResampleKernels.size(up), 0, rand(35), new float[140]);
        int[] down = ResampleKernels.params(10, 14, 5, 7, 2, 1, 1);
        check(OpKind.BILINEAR, down, ResampleKernels.size(down), 0, rand(140), new float[35]);
    }

    @Test
    void warpDifference() {
        float[] disp = rand(6 * 10);
        for (int i = 0; i < disp.length; i++) {
            disp[i] = (disp[i] + 0.5f) * 14f - 2f;
        }
        int[] p = RefinementKernels.params(6, 10);
        check(OpKind.WARP_DIFFERENCE, p, RefinementKernels.size(p), 0, disp, rand(60), rand(60), new float[120]);
    }

    @Test
    void reluAdd() {
        int[] p = RefinementKernels.params(5, 9);
        check(OpKind.RELU_ADD, p, RefinementKernels.size(p), 0, rand(45), rand(45), new float[45]);
    }

    @Test
    void copyIntoAnOffset() {
        int[] p = TensorKernels.params(3, 11, 20);
        check(OpKind.COPY, p, TensorKernels.size(p), 11, rand(30), new float[40]);
    }

    /**
     * Runs {@code kind} over {@code arrays} (the last one is the output) on TornadoVM and on the JVM and
     * compares the {@code size} elements written from {@code outOffset}. All other arrays are constants.
     */
    private static void check(OpKind kind, int[] p, int size, int outOffset, float[]... arrays) {
        float[] out = arrays[arrays.length - 1];
        float[][] ins = Arrays.copyOf(arrays, arrays.length - 1);
        Op op = new Op(kind.name().toLowerCase(), Stage.FEATURES, kind, arrays, p, size);
        // The program's "left" and "right" are the op's first inputs when it has two, else a spare buffer.
        float[] left = ins[0];
        float[] right = ins.length > 1 && ins[1] != ins[0] ? ins[1] : new float[1];
        Set<float[]> constants = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        constants.addAll(List.of(ins).subList(ins.length > 1 ? 2 : 1, ins.length));
        NetworkProgram program = new NetworkProgram(Architecture.BGNET, 1, 1, List.of(op), left, right, out,
                constants, Map.of());

        try (ProgramRunner r = new TornadoProvider().create(null, BackendOptions.defaults()).prepare(program)) {
            r.run();
        }
        float[] device = Arrays.copyOfRange(out, outOffset, outOffset + size);
        Arrays.fill(out, 0f);
        try (ProgramRunner r = new JvmBackend(1).prepare(program)) {
            r.run();
        }
        float[] jvm = Arrays.copyOfRange(out, outOffset, outOffset + size);
        double refMax = 0;
        double max = 0;
        for (int i = 0; i < size; i++) {
            refMax = Math.max(refMax, Math.abs(jvm[i]));
            max = Math.max(max, Math.abs(jvm[i] - device[i]));
        }
        assertTrue(refMax > 0, kind + ": reference is all zeros, the test shape exercises nothing");
        // Same math; only the device compiler's float contraction (fma) may differ in the last bits.
        assertTrue(max <= 1e-5 * refMax, kind + ": max|Δ| " + max + " vs max|ref| " + refMax);
        assertEquals(size, device.length);
    }

    private float[] rand(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        return a;
    }
}
