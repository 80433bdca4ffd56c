package bgnet.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** copy moves a run of elements from one offset to another and nothing else (how concatenations are filled). */
class TensorKernelsTest {

    @Test
    void copyMovesExactlyTheRunBetweenOffsets() {
        float[] src = {10, 11, 12, 13, 14, 15, 16};
        float[] dst = {-1, -1, -1, -1, -1, -1, -1, -1};
        int[] p = TensorKernels.params(2, 3, 4);
        for (int i = 0; i < TensorKernels.size(p); i++) {
            TensorKernels.copy(src, dst, p, i);
        }
        assertArrayEquals(new float[] {-1, -1, -1, 12, 13, 14, 15, -1}, dst);
        assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15, 16}, src);
    }
}
