package bgnet.app.calib;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;

/** Intensity-weighted centroids of the bright spots in a BGR image, sorted top to bottom. */
final class SpotFinder {

    private SpotFinder() {
    }

    static List<double[]> spots(Mat bgr) {
        int w = bgr.cols(), h = bgr.rows();
        int[] v = new int[w * h];
        try (UByteIndexer idx = bgr.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = idx.get(y, x, 1);
                }
            }
        }
        boolean[] seen = new boolean[w * h];
        List<double[]> found = new ArrayList<>();
        for (int start = 0; start < v.length; start++) {
            if (seen[start] || v[start] < 20) {
                continue;
            }
            double sw = 0, sx = 0, sy = 0;
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(start));
            seen[start] = true;
            while (!todo.isEmpty()) {
                int p = todo.pop(), x = p % w, y = p / w;
                sw += v[p];
                sx += v[p] * x;
                sy += v[p] * y;
                for (int q : new int[] {p - 1, p + 1, p - w, p + w}) {
                    if (q >= 0 && q < v.length && Math.abs(q % w - x) <= 1 && !seen[q] && v[q] >= 20) {
                        seen[q] = true;
                        todo.push(q);
                    }
                }
            }
            found.add(new double[] {sx / sw, sy / sw});
        }
        found.sort(Comparator.comparingDouble(s -> s[1]));
        return found;
    }
}
