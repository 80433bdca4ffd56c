package bgnet.model.network;

import bgnet.kernels.Activation;
import bgnet.kernels.BilateralSliceKernels;
import bgnet.kernels.Conv2dKernels;
import bgnet.kernels.Conv3dKernels;
import bgnet.kernels.CostVolumeKernels;
import bgnet.kernels.RefinementKernels;
import bgnet.kernels.ResampleKernels;
import bgnet.kernels.TensorKernels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans BGNet / BGNet+'s forward pass for one input size (bgnet-spec.md, step by step). Buffers are
 * allocated here once; the result is a flat list of kernel launches that any backend can run.
 */
public final class ProgramBuilder {
    /** Disparities of the cost volume at 1/8 resolution. */
    public static final int DISPARITIES = 25;
    public static final int GROUPS = 44;
    public static final int GUIDANCE_BINS = 32;
    public static final int LEVELS = 97;

    private static final String FE = "feature_extraction.";
    private static final String CP = "coeffs_disparity_predictor.";
    private static final String RN = "refinement_net.";

    private final BGNetWeights weights;
    private final List<Op> ops = new ArrayList<>();
    private final Set<float[]> constants = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, float[]> named = new LinkedHashMap<>();
    /** Stand-in residual for launches without one (kernels take a fixed argument list). */
    private final float[] noResidual = new float[1];
    private Stage stage;
    private String side = "";

    private ProgramBuilder(BGNetWeights weights) {
        this.weights = weights;
        constants.add(noResidual);
    }

    /** Plans a forward pass for an H×W input; H and W must be multiples of 64. */
    public static NetworkProgram plan(BGNetWeights weights, int height, int width) {
        if (height <= 0 || width <= 0 || height % 64 != 0 || width % 64 != 0) {
            throw new IllegalArgumentException("network input must be a positive multiple of 64 in both sizes, got "
                    + width + "x" + height);
        }
        return new ProgramBuilder(weights).build(height, width);
    }

    private NetworkProgram build(int h, int w) {
        FeatureMap left = FeatureMap.allocate2d(1, h, w);
        FeatureMap right = FeatureMap.allocate2d(1, h, w);
        stage = Stage.FEATURES;
        side = "left.";
        FeatureMap[] l = featureExtraction(left);
        side = "right.";
        FeatureMap[] r = featureExtraction(right);
        side = "";
        name("left_low_level", l[0]);
        name("left_gwc_feature", l[1]);
        name("right_gwc_feature", r[1]);

        stage = Stage.GUIDE;
        FeatureMap g1 = conv2d("guide.conv1.0", l[0], 1, 0, Activation.LEAKY_RELU, null, null);
        FeatureMap guide = conv2d("guide.conv2.0", g1, 1, 0, Activation.TANH, null, null);
        name("guide", guide);

        stage = Stage.COST_VOLUME;
        FeatureMap volume = groupwiseCorrelation(l[1], r[1]);
        name("gwc_volume", volume);

        stage = Stage.DRES0;
        FeatureMap d0 = conv3d("dres0.0", volume, 1, Activation.LEAKY_RELU, null);
        FeatureMap dres0 = conv3d("dres0.1", d0, 1, Activation.LEAKY_RELU, null);
        name("dres0", dres0);

        stage = Stage.HOURGLASS;
        FeatureMap grid = hourglass(dres0);
        name("coeffs", grid);

        stage = Stage.SLICE_REGRESS;
        FeatureMap half = FeatureMap.allocate2d(1, h / 2, w / 2);
        int[] sp = BilateralSliceKernels.params(DISPARITIES, GUIDANCE_BINS, grid.h(), grid.w(), h / 2, w / 2, LEVELS);
        add("slice_regress", OpKind.SLICE_REGRESS, new float[][] {grid.data(), guide.data(), half.data()}, sp,
                BilateralSliceKernels.size(sp));
        name("half_disp", half);

        FeatureMap finalHalf = half;
        if (weights.architecture() == Architecture.BGNET_PLUS) {
            stage = Stage.REFINEMENT;
            finalHalf = refinement(half, left, right);
            stage = Stage.UPSAMPLE;
            name("disparity_unrefined", upsampleDisparity("upsample_unrefined", half));
        }
        stage = Stage.UPSAMPLE;
        FeatureMap disparity = upsampleDisparity("upsample", finalHalf);
        name("disparity", disparity);
        return new NetworkProgram(weights.architecture(), h, w, ops, left.data(), right.data(), disparity.data(),
                constants, named);
    }

    /** Returns {conv0a [32][H/2][W/2], gwc feature [352][H/8][W/8]}. */
    private FeatureMap[] featureExtraction(FeatureMap image) {
        int relu = Activation.RELU;
        FeatureMap x = conv2d(FE + "firstconv.0.0", image, 2, 1, relu, null, null);
        x = conv2d(FE + "firstconv.1.0", x, 1, 1, relu, null, null);
        x = conv2d(FE + "firstconv.2.0", x, 1, 1, relu, null, null);
        FeatureMap conv0a = basicBlock(FE + "layer1.0", x, 1, null);
        FeatureMap l2 = basicBlock(FE + "layer2.0", conv0a, 2, null);
        FeatureMap gwc = FeatureMap.allocate2d(352, l2.h() / 2, l2.w() / 2);
        FeatureMap feat0 = basicBlock(FE + "layer3.0", l2, 2, gwc.channels(0, 128));
        FeatureMap feat1 = basicBlock(FE + "layer4.0", feat0, 1, gwc.channels(128, 128));
        FeatureMap rem0 = conv2d(FE + "reduce.0", feat1, 1, 1, relu, null, gwc.channels(256, 32));
        FeatureMap rem1 = conv2d(FE + "conv1a.conv", rem0, 2, 1, relu, null, null);
        FeatureMap rem2 = conv2d(FE + "conv2a.conv", rem1, 2, 1, relu, null, null);
        FeatureMap rem3 = conv2d(FE + "conv3a.conv", rem2, 2, 1, relu, null, null);
        x = rem3;
        x = rem2 = conv2x(FE + "deconv3a", x, rem2, null);
        x = rem1 = conv2x(FE + "deconv2a", x, rem1, null);
        x = rem0 = conv2x(FE + "deconv1a", x, rem0, gwc.channels(288, 32));
        x = rem1 = conv2x(FE + "conv1b", x, rem1, null);
        x = rem2 = conv2x(FE + "conv2b", x, rem2, null);
        x = conv2x(FE + "conv3b", x, rem3, null);
        x = conv2x(FE + "deconv3b", x, rem2, null);
        x = conv2x(FE + "deconv2b", x, rem1, null);
        conv2x(FE + "deconv1b", x, rem0, gwc.channels(320, 32));
        return new FeatureMap[] {conv0a, gwc};
    }

    /** y = cb(cbr(x)) + shortcut(x), no ReLU after the add; shortcut = 1×1 conv+BN when shape changes. */
    private FeatureMap basicBlock(String p, FeatureMap x, int stride, FeatureMap out) {
        FeatureMap t = conv2d(p + ".conv1.0", x, stride, 1, Activation.RELU, null, null);
        FeatureMap shortcut = x;
        if (weights.has(p + ".downsample.0")) {
            shortcut = conv2d(p + ".downsample.0", x, stride, 0, Activation.NONE, null, null);
        }
        return conv2d(p + ".conv2.0", t, 1, 1, Activation.NONE, shortcut, out);
    }

    /** Conv2x: a = conv1(x) (k3 s2 conv or k4 s2 transposed conv, ReLU), then conv2(cat(a, rem)). */
    private FeatureMap conv2x(String p, FeatureMap x, FeatureMap rem, FeatureMap out) {
        LayerSpec first = weights.conv(p + ".conv1.conv").spec();
        int o = first.outChannels();
        FeatureMap cat = FeatureMap.allocate2d(2 * o, rem.h(), rem.w());
        conv2d(p + ".conv1.conv", x, 2, 1, Activation.RELU, null, cat.channels(0, o));
        copy(p + ".concat", rem, cat.channels(o, o));
        return conv2d(p + ".conv2.conv", cat, 1, 1, Activation.RELU, null, out);
    }

    private FeatureMap hourglass(FeatureMap x) {
        int lrelu = Activation.LEAKY_RELU;
        FeatureMap a = conv3d(CP + "conv1", x, 2, lrelu, null);
        FeatureMap a2 = conv3d(CP + "conv2", a, 1, lrelu, a);
        FeatureMap b = conv3d(CP + "conv1_1", a2, 2, lrelu, null);
        FeatureMap c = conv3d(CP + "conv2_1", b, 1, lrelu, b);
        FeatureMap e = conv3d(CP + "conv3", c, 2, lrelu, null);
        e = conv3d(CP + "conv4", e, 1, lrelu, e);
        FeatureMap f = conv3d(CP + "conv5", e, 2, Activation.NONE, c);
        f = conv3d(CP + "conv6", f, 2, Activation.NONE, a2);
        f = conv3d(CP + "conv7", f, 2, Activation.NONE, null);
        return conv3d(CP + "last_for_guidance", f, 1, lrelu, null);
    }

    private FeatureMap refinement(FeatureMap half, FeatureMap left, FeatureMap right) {
        int h2 = half.h();
        int w2 = half.w();
        FeatureMap leftHalf = resample("downsample_left", left, h2, w2, 2, 1, 1);
        FeatureMap rightHalf = resample("downsample_right", right, h2, w2, 2, 1, 1);
        name("left_half", leftHalf);
        name("right_half", rightHalf);
        FeatureMap warped = FeatureMap.allocate2d(2, h2, w2);
        int[] wp = RefinementKernels.params(h2, w2);
        add("warp_difference", OpKind.WARP_DIFFERENCE,
                new float[][] {half.data(), leftHalf.data(), rightHalf.data(), warped.data()}, wp, RefinementKernels.size(wp));

        int lrelu = Activation.LEAKY_RELU;
        int relu = Activation.RELU;
        FeatureMap start = FeatureMap.allocate2d(32, h2, w2);
        conv2d(RN + "conv1.0", warped, 1, 1, lrelu, null, start.channels(0, 16));
        conv2d(RN + "conv2.0", half, 1, 1, lrelu, null, start.channels(16, 16));
        FeatureMap x = conv2d(RN + "conv_start.0", start, 1, 1, lrelu, null, null);
        FeatureMap rem0 = x;
        FeatureMap rem1 = x = conv2d(RN + "conv1a.conv", x, 2, 1, relu, null, null);
        FeatureMap rem2 = x = conv2d(RN + "conv2a.conv", x, 2, 1, relu, null, null);
        FeatureMap rem3 = x = conv2d(RN + "conv3a.conv", x, 2, 1, relu, null, null);
        FeatureMap rem4 = x = conv2d(RN + "conv4a.conv", x, 2, 1, relu, null, null);
        x = rem3 = conv2x(RN + "deconv4a", x, rem3, null);
        x = rem2 = conv2x(RN + "deconv3a", x, rem2, null);
        x = rem1 = conv2x(RN + "deconv2a", x, rem1, null);
        x = rem0 = conv2x(RN + "deconv1a", x, rem0, null);
        x = rem1 = conv2x(RN + "conv1b", x, rem1, null);
        x = rem2 = conv2x(RN + "conv2b", x, rem2, null);
        x = rem3 = conv2x(RN + "conv3b", x, rem3, null);
        x = conv2x(RN + "conv4b", x, rem4, null);
        x = conv2x(RN + "deconv4b", x, rem3, null);
        x = conv2x(RN + "deconv3b", x, rem2, null);
        x = conv2x(RN + "deconv2b", x, rem1, null);
        x = conv2x(RN + "deconv1b", x, rem0, null);
        FeatureMap residual = conv2d(RN + "final_conv", x, 1, 1, Activation.NONE, null, null);
        name("refine_residual", residual);
        FeatureMap refined = FeatureMap.allocate2d(1, h2, w2);
        int[] rp = RefinementKernels.params(h2, w2);
        add("refined", OpKind.RELU_ADD, new float[][] {half.data(), residual.data(), refined.data()}, rp,
                RefinementKernels.size(rp));
        name("refine_out_half_disp", refined);
        return refined;
    }

    private FeatureMap upsampleDisparity(String name, FeatureMap half) {
        return resample(name, half, half.h() * 2, half.w() * 2, 1, 2, 2);
    }

    private FeatureMap resample(String name, FeatureMap in, int outH, int outW, int stepNum, int stepDen, int valueScale) {
        FeatureMap out = FeatureMap.allocate2d(1, outH, outW);
        int[] p = ResampleKernels.params(in.h(), in.w(), outH, outW, stepNum, stepDen, valueScale);
        add(name, OpKind.BILINEAR, new float[][] {in.data(), out.data()}, p, ResampleKernels.size(p));
        return out;
    }

    private FeatureMap groupwiseCorrelation(FeatureMap left, FeatureMap right) {
        FeatureMap out = FeatureMap.allocate(GROUPS, DISPARITIES, left.h(), left.w());
        int[] p = CostVolumeKernels.params(left.c(), GROUPS, DISPARITIES, left.h(), left.w());
        add("gwc_volume", OpKind.GWC_VOLUME, new float[][] {left.data(), right.data(), out.data()}, p,
                CostVolumeKernels.size(p));
        return out;
    }

    /** Conv2d or ConvTranspose2d (decided by the checkpoint layer), writing into {@code out} or a new buffer. */
    private FeatureMap conv2d(String prefix, FeatureMap in, int stride, int pad, int act, FeatureMap res, FeatureMap out) {
        FoldedConv f = weights.conv(prefix);
        LayerSpec s = f.spec();
        int k = s.kernel();
        requireChannels(prefix, in, s.inChannels());
        int oh = s.transposed() ? (in.h() - 1) * stride - 2 * pad + k : (in.h() + 2 * pad - k) / stride + 1;
        int ow = s.transposed() ? (in.w() - 1) * stride - 2 * pad + k : (in.w() + 2 * pad - k) / stride + 1;
        FeatureMap o = out != null ? out : FeatureMap.allocate2d(s.outChannels(), oh, ow);
        requireShape(prefix, o, s.outChannels(), 1, oh, ow);
        if (res != null) {
            requireShape(prefix + " residual", res, s.outChannels(), 1, oh, ow);
        }
        int[] p = Conv2dKernels.params(in.offset(), in.c(), in.h(), in.w(), o.offset(), o.c(), oh, ow, k, stride, pad,
                act, res == null ? -1 : res.offset());
        constants.add(f.weight());
        constants.add(f.bias());
        add(side + prefix, s.transposed() ? OpKind.DECONV2D : OpKind.CONV2D,
                new float[][] {in.data(), f.weight(), f.bias(), res == null ? noResidual : res.data(), o.data()}, p,
                Conv2dKernels.size(p));
        return o;
    }

    /** cbl3 (k3, stride (1,s,s), pad 1) or, for transposed layers, tb3 (output padding (0,1,1)). */
    private FeatureMap conv3d(String convPrefix, FeatureMap in, int stride, int act, FeatureMap res) {
        String prefix = convPrefix + ".0";
        FoldedConv f = weights.conv(prefix);
        LayerSpec s = f.spec();
        requireChannels(prefix, in, s.inChannels());
        int oh = s.transposed() ? in.h() * stride : (in.h() + 2 - 3) / stride + 1;
        int ow = s.transposed() ? in.w() * stride : (in.w() + 2 - 3) / stride + 1;
        FeatureMap o = FeatureMap.allocate(s.outChannels(), in.d(), oh, ow);
        if (res != null) {
            requireShape(prefix + " residual", res, s.outChannels(), in.d(), oh, ow);
        }
        int[] p = Conv3dKernels.params(in.offset(), in.c(), in.d(), in.h(), in.w(), 0, o.c(), o.d(), oh, ow, 3, stride, 1,
                act, res == null ? -1 : res.offset());
        constants.add(f.weight());
        constants.add(f.bias());
        add(prefix, s.transposed() ? OpKind.DECONV3D : OpKind.CONV3D,
                new float[][] {in.data(), f.weight(), f.bias(), res == null ? noResidual : res.data(), o.data()}, p,
                Conv3dKernels.size(p));
        return o;
    }

    private void copy(String name, FeatureMap src, FeatureMap dst) {
        int[] p = TensorKernels.params(src.offset(), dst.offset(), src.size());
        add(side + name, OpKind.COPY, new float[][] {src.data(), dst.data()}, p, TensorKernels.size(p));
    }

    private void add(String name, OpKind kind, float[][] arrays, int[] params, int size) {
        ops.add(new Op(name, stage, kind, arrays, params, size));
    }

    private void name(String name, FeatureMap map) {
        if (map.offset() != 0 || map.size() != map.data().length) {
            throw new IllegalStateException(name + " is a view, not a whole buffer");
        }
        named.put(name, map.data());
    }

    private static void requireChannels(String prefix, FeatureMap in, int channels) {
        if (in.c() != channels) {
            throw new IllegalStateException(prefix + ": input has " + in.c() + " channels, layer expects " + channels);
        }
    }

    private static void requireShape(String what, FeatureMap m, int c, int d, int h, int w) {
        if (m.c() != c || m.d() != d || m.h() != h || m.w() != w) {
            throw new IllegalStateException(what + ": shape [" + m.c() + "," + m.d() + "," + m.h() + "," + m.w()
                    + "], expected [" + c + "," + d + "," + h + "," + w + "]");
        }
    }
}
