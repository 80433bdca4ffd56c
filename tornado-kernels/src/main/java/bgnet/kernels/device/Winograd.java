package bgnet.kernels.device;

/**
 * Winograd's F(2x2, 3x3), the one definition both fast tiers use: a 3x3 kernel g becomes U = G g Gᵀ
 * (4x4), a 4x4 input tile d becomes V = Bᵀ d B, and the 4x4 products M = Σ U⊙V become the 2x2
 * outputs Y = Aᵀ M A. 16 multiplies per 4 outputs instead of 36; the input and output transforms are
 * additions only (G has halves). The JVM's vector code and the device kernel spell the same
 * additions out in their own vector types; {@link #input} and {@link #output} are the scalar form the
 * tests hold them to.
 * <pre>
 *   Bᵀ = | 1  0 -1  0 |     G = | 1    0    0   |     Aᵀ = | 1  1  1  0 |
 *        | 0  1  1  0 |         | 1/2  1/2  1/2 |          | 0  1 -1 -1 |
 *        | 0 -1  1  0 |         | 1/2 -1/2  1/2 |
 *        | 0  1  0 -1 |         | 0    0    1   |
 * </pre>
 */
public final class Winograd {
    private static final double[][] G = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};

    private Winograd() {
    }

    /** U = G g Gᵀ for the 3x3 kernel (row-major) at {@code g[off..off+8]}, computed in double; u[i*4 + j]. */
    public static double[] kernel(float[] g, int off) {
        double[] u = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        v += G[i][a] * g[off + a * 3 + b] * G[j][b];
                    }
                }
                u[i * 4 + j] = v;
            }
        }
        return u;
    }

    /** V = Bᵀ d B of a 4x4 tile d (row-major), in float, in the order the kernels add. */
    public static float[] input(float[] d) {
        float[] r = new float[16];
        for (int j = 0; j < 4; j++) {
            r[j] = d[j] - d[8 + j];
            r[4 + j] = d[4 + j] + d[8 + j];
            r[8 + j] = d[8 + j] - d[4 + j];
            r[12 + j] = d[4 + j] - d[12 + j];
        }
        float[] v = new float[16];
        for (int i = 0; i < 4; i++) {
            v[i * 4] = r[i * 4] - r[i * 4 + 2];
            v[i * 4 + 1] = r[i * 4 + 1] + r[i * 4 + 2];
            v[i * 4 + 2] = r[i * 4 + 2] - r[i * 4 + 1];
            v[i * 4 + 3] = r[i * 4 + 1] - r[i * 4 + 3];
        }
        return v;
    }

    /** Y = Aᵀ M A of a 4x4 product tile m (row-major): {Y00, Y01, Y10, Y11}, in the order the kernels add. */
    public static float[] output(float[] m) {
        float[] s = new float[4];
        float[] t = new float[4];
        for (int j = 0; j < 4; j++) {
            s[j] = m[j] + m[4 + j] + m[8 + j];
            t[j] = m[4 + j] - m[8 + j] - m[12 + j];
        }
        return new float[] {s[0] + s[1] + s[2], s[1] - s[2] - s[3], t[0] + t[1] + t[2], t[1] - t[2] - t[3]};
    }
}
