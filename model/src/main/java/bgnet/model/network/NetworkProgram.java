package bgnet.model.network;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A forward pass planned for one input size: the kernel launches in order over buffers allocated
 * once. Backends run it as is (JVM) or compile it once into TaskGraphs (TornadoVM); per frame only
 * {@link #left()}/{@link #right()} are written and {@link #disparity()} read.
 *
 * @param architecture BGNet or BGNet+
 * @param height       padded input height (multiple of 64)
 * @param width        padded input width (multiple of 64)
 * @param ops          launches in execution order
 * @param left         input [H][W] grey levels 0..255
 * @param right        input [H][W]
 * @param disparity    output [H][W] in full-resolution pixels
 * @param constants    weights, biases (never change after planning)
 * @param named        selected intermediates by name, for tests and debugging
 */
public record NetworkProgram(Architecture architecture, int height, int width, List<Op> ops,
                             float[] left, float[] right, float[] disparity,
                             Set<float[]> constants, Map<String, float[]> named) {

    public NetworkProgram {
        ops = List.copyOf(ops);
        Set<float[]> c = Collections.newSetFromMap(new IdentityHashMap<>());
        c.addAll(constants);
        constants = Collections.unmodifiableSet(c);
        named = Collections.unmodifiableMap(named);
    }

    public float[] buffer(String name) {
        float[] b = named.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no buffer named " + name + "; have " + named.keySet());
        }
        return b;
    }

    /** Multiply-accumulates of the convolutions, for GFLOP/s figures. */
    public long convolutionMacs() {
        long macs = 0;
        for (Op op : ops) {
            int[] p = op.params();
            switch (op.kind()) {
                case CONV2D, DECONV2D -> macs += (long) op.size() * p[bgnet.kernels.Conv2dKernels.IN_C]
                        * p[bgnet.kernels.Conv2dKernels.KERNEL] * p[bgnet.kernels.Conv2dKernels.KERNEL]
                        / (op.kind() == OpKind.DECONV2D ? (long) p[bgnet.kernels.Conv2dKernels.STRIDE] * p[bgnet.kernels.Conv2dKernels.STRIDE] : 1);
                case CONV3D, DECONV3D -> {
                    long k = p[bgnet.kernels.Conv3dKernels.KERNEL];
                    long s = op.kind() == OpKind.DECONV3D ? (long) p[bgnet.kernels.Conv3dKernels.STRIDE] * p[bgnet.kernels.Conv3dKernels.STRIDE] : 1;
                    macs += (long) op.size() * p[bgnet.kernels.Conv3dKernels.IN_C] * k * k * k / s;
                }
                default -> {
                }
            }
        }
        return macs;
    }
}
