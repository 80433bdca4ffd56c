package bgnet.tornado;

import bgnet.model.network.Op;
import uk.ac.manchester.tornado.api.TaskGraph;

/** Adds one op as a task: the TornadoVM counterpart of the JVM backend's switch over OpKind. */
final class OpTasks {
    private OpTasks() {
    }

    static void add(TaskGraph g, String task, Op op) {
        float[][] a = op.arrays();
        int[] p = op.params();
        int n = op.size();
        switch (op.kind()) {
            case CONV2D -> g.task(task, TornadoKernels::conv2d, a[0], a[1], a[2], a[3], a[4], p, n);
            case DECONV2D -> g.task(task, TornadoKernels::deconv2d, a[0], a[1], a[2], a[3], a[4], p, n);
            case CONV3D -> g.task(task, TornadoKernels::conv3d, a[0], a[1], a[2], a[3], a[4], p, n);
            case DECONV3D -> g.task(task, TornadoKernels::deconv3d, a[0], a[1], a[2], a[3], a[4], p, n);
            case GWC_VOLUME -> g.task(task, TornadoKernels::groupwiseCorrelation, a[0], a[1], a[2], p, n);
            case SLICE_REGRESS -> g.task(task, TornadoKernels::sliceRegress, a[0], a[1], a[2], p, n);
            case BILINEAR -> g.task(task, TornadoKernels::bilinear, a[0], a[1], p, n);
            case WARP_DIFFERENCE -> g.task(task, TornadoKernels::warpDifference, a[0], a[1], a[2], a[3], p, n);
            case RELU_ADD -> g.task(task, TornadoKernels::reluAdd, a[0], a[1], a[2], p, n);
            case COPY -> g.task(task, TornadoKernels::copy, a[0], a[1], p, n);
        }
    }
}
