package bgnet.model.backend.fast;

import bgnet.kernels.CostVolumeKernels;
import bgnet.model.backend.TensorArrays;
import bgnet.model.backend.ParallelLoop;
import bgnet.model.network.Correlation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * {@link CostVolumeKernels#groupwiseCorrelation} a row at a time along x: for each (group, disparity,
 * row) the 8 channel products are summed in channel order over vectors of pixels, with the right
 * row read d pixels to the left; pixels x < d are 0.
 */
public final class FastCorrelation implements FastOp {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int groups;
    private final int perGroup;
    private final int disparities;
    private final int h;
    private final int w;

    private final float[] left;
    private final float[] right;
    private final float[] out;

    public FastCorrelation(Correlation op, TensorArrays buffers) {
        this.groups = op.groups();
        this.perGroup = op.left().c() / groups;
        this.disparities = op.disparities();
        this.h = op.left().h();
        this.w = op.left().w();
        this.left = buffers.of(op.left().tensor());
        this.right = buffers.of(op.right().tensor());
        this.out = buffers.of(op.out().tensor());
    }

    @Override
    public void run(float[] scratch, ParallelLoop loop) {
        loop.forRange(groups * disparities * h, (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                row(left, right, out, r);
            }
        });
    }

    /** Row r = (g*disparities + d)*h + y of the volume. */
    private void row(float[] left, float[] right, float[] out, int r) {
        int y = r % h;
        int gd = r / h;
        int d = gd % disparities;
        int g = gd / disparities;
        int plane = h * w;
        int outRow = r * w;
        int zeros = Math.min(d, w);
        Arrays.fill(out, outRow, outRow + zeros, 0f);
        float n = (float) perGroup;
        int x = zeros;
        // Whole vectors only: a masked access past an array's end leaves the Vector API's fast path.
        for (; x + L <= w; x += L) {
            FloatVector sum = FloatVector.zero(S);
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                int row = c * plane + y * w;
                sum = sum.add(FloatVector.fromArray(S, left, row + x).mul(FloatVector.fromArray(S, right, row + x - d)));
            }
            sum.div(n).intoArray(out, outRow + x);
        }
        for (; x < w; x++) {
            float sum = 0f;
            for (int c = g * perGroup; c < (g + 1) * perGroup; c++) {
                int row = c * plane + y * w;
                sum += left[row + x] * right[row + x - d];
            }
            out[outRow + x] = sum / n;
        }
    }
}
