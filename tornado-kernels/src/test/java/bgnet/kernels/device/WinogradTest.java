package bgnet.kernels.device;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** F(2x2, 3x3): Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A is the 3x3 correlation of a 4x4 tile d with g, at its four 2x2 outputs. */
class WinogradTest {
    @Test
    void transformsComputeTheTilesCorrelation() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            float[] g = new float[9];
            float[] d = new float[16];
            for (int i = 0; i < 9; i++) {
                g[i] = rnd.nextFloat() * 2 - 1;
            }
            for (int i = 0; i < 16; i++) {
                d[i] = rnd.nextFloat() * 2 - 1;
            }
            double[] u = Winograd.kernel(g, 0);
            float[] v = Winograd.input(d);
            float[] m = new float[16];
            for (int t = 0; t < 16; t++) {
                m[t] = (float) u[t] * v[t];
            }
            float[] y = Winograd.output(m);
            for (int oy = 0; oy < 2; oy++) {
                for (int ox = 0; ox < 2; ox++) {
                    double direct = 0;
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            direct += g[ky * 3 + kx] * d[(oy + ky) * 4 + ox + kx];
                        }
                    }
                    assertEquals(direct, y[oy * 2 + ox], 1e-5, "output (" + oy + "," + ox + ") of trial " + trial);
                }
            }
        }
    }

    @Test
    void kernelTransformOfTheIdentityTapIsItsOuterProduct() {
        // g = centre tap only: U = G e1 e1ᵀ Gᵀ = column 1 of G times its transpose.
        float[] g = new float[9];
        g[4] = 1f;
        double[] u = Winograd.kernel(g, 0);
        double[] col = {0, 0.5, -0.5, 0};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(col[i] * col[j], u[i * 4 + j], 0);
            }
        }
    }
}
