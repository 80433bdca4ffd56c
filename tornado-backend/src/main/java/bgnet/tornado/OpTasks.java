package bgnet.tornado;

import bgnet.model.network.Bilinear;
import bgnet.model.network.Conv;
import bgnet.model.network.Copy;
import bgnet.model.network.Correlation;
import bgnet.model.network.ReluAdd;
import bgnet.model.network.SliceRegress;
import bgnet.model.network.WarpDifference;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.List;

/**
 * Adds one bound op as a reference task: the TornadoVM counterpart of the JVM backend's switch over ops.
 * {@code extra} is a convolution's residual array, or the slicing's confidence array (each a stand-in when
 * the op has none); null for other ops.
 */
final class OpTasks {
    private OpTasks() {
    }

    static void add(TaskGraph g, String task, BoundOp<float[]> b, float[] extra) {
        List<float[]> in = b.reads();
        float[] out = b.writes();
        int[] p = b.params();
        int n = b.size();
        switch (b.op()) {
            case Conv c -> {
                float[] w = c.weights().weight();
                float[] bias = c.weights().bias();
                float[] res = extra;
                if (c.geometry().threeD()) {
                    if (c.geometry().transposed()) {
                        g.task(task, TornadoKernels::deconv3d, in.get(0), w, bias, res, out, p, n);
                    } else {
                        g.task(task, TornadoKernels::conv3d, in.get(0), w, bias, res, out, p, n);
                    }
                } else if (c.geometry().transposed()) {
                    g.task(task, TornadoKernels::deconv2d, in.get(0), w, bias, res, out, p, n);
                } else {
                    g.task(task, TornadoKernels::conv2d, in.get(0), w, bias, res, out, p, n);
                }
            }
            case Correlation c -> g.task(task, TornadoKernels::groupwiseCorrelation, in.get(0), in.get(1), out, p, n);
            case SliceRegress s -> g.task(task, TornadoKernels::sliceRegress, in.get(0), in.get(1), out, extra, p, n);
            case Bilinear r -> g.task(task, TornadoKernels::bilinear, in.get(0), out, p, n);
            case WarpDifference w -> g.task(task, TornadoKernels::warpDifference, in.get(0), in.get(1), in.get(2), out, p, n);
            case ReluAdd r -> g.task(task, TornadoKernels::reluAdd, in.get(0), in.get(1), out, p, n);
            case Copy c -> g.task(task, TornadoKernels::copy, in.get(0), out, p, n);
        }
    }
}
